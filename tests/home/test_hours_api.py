"""The open data API gives a notice's regular hours as data: weekdays by their schema.org
names, times as HH:MM, the holiday rule and the note."""

from .factories_hours import NoticeWithHoursFactory


def test_the_api_lists_the_hours_of_a_notice(client, pinnwand):
    notice = NoticeWithHoursFactory(parent=pinnwand, hours_note="außer in den Schulferien")
    response = client.get(
        "/api/v2/pages/",
        {
            "type": "home.NoticePage",
            "fields": "opening_hours,closed_on_public_holidays,hours_note",
        },
    )
    assert response.status_code == 200
    (item,) = [item for item in response.json()["items"] if item["id"] == notice.pk]
    assert item["opening_hours"] == [
        {
            "weekdays": ["Monday", "Tuesday", "Wednesday", "Thursday"],
            "opens": "09:00",
            "closes": "12:00",
        },
        {"weekdays": ["Friday"], "opens": "09:00", "closes": "11:00"},
    ]
    assert item["closed_on_public_holidays"] is True
    assert item["hours_note"] == "außer in den Schulferien"


def test_the_detail_view_has_the_hours_too(client, pinnwand):
    notice = NoticeWithHoursFactory(parent=pinnwand)
    data = client.get(f"/api/v2/pages/{notice.pk}/").json()
    assert [row["weekdays"] for row in data["opening_hours"]] == [
        ["Monday", "Tuesday", "Wednesday", "Thursday"],
        ["Friday"],
    ]
