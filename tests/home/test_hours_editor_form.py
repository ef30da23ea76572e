"""Editors enter regular hours as rows of weekday checkboxes and two times; a row that ends
before it begins, has no weekday or names a day that does not exist is refused with a German
message at the row, and nothing is saved."""

import re

import pytest
from django.urls import reverse

from tests.utils import edit_form_data, visible_text

from ..factories import NoticePageFactory
from .factories_hours import hours


@pytest.fixture
def editing(client, admin_user, pinnwand):
    notice = NoticePageFactory(parent=pinnwand)
    client.force_login(admin_user)

    def post(weekdays, opens, closes):
        data = edit_form_data(notice, admin_user)
        data.update(
            {
                "opening_hours-TOTAL_FORMS": "1",
                "opening_hours-INITIAL_FORMS": "0",
                "opening_hours-0-id": "",
                "opening_hours-0-ORDER": "1",
                "opening_hours-0-DELETE": "",
                "opening_hours-0-weekdays": weekdays,
                "opening_hours-0-opens": opens,
                "opening_hours-0-closes": closes,
                "action-publish": "action-publish",
            }
        )
        return client.post(reverse("wagtailadmin_pages:edit", args=[notice.pk]), data)

    post.notice = notice
    return post


def test_the_edit_form_shows_a_row_as_ticked_german_weekdays(client, admin_user, pinnwand):
    notice = NoticePageFactory(parent=pinnwand, opening_hours=[hours("15", "09:00", "12:00")])
    client.force_login(admin_user)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[notice.pk])).text
    assert "Regelmäßige Zeiten" in html and "An Feiertagen geschlossen" in html
    boxes = re.findall(
        r'<label[^>]*><input type="checkbox" name="opening_hours-0-weekdays" value="(\d)"'
        r"([^>]*)>\s*(\w+)</label>",
        html,
    )
    assert [(value, name, "checked" in attrs) for value, attrs, name in boxes] == [
        ("1", "Montag", True),
        ("2", "Dienstag", False),
        ("3", "Mittwoch", False),
        ("4", "Donnerstag", False),
        ("5", "Freitag", True),
        ("6", "Samstag", False),
        ("7", "Sonntag", False),
    ]


def test_a_valid_row_is_published_and_stored_compactly(editing):
    response = editing(["4", "1", "2", "3"], "09:00", "12:00")
    assert response.status_code == 302
    notice = editing.notice
    notice.refresh_from_db()
    (row,) = notice.opening_hours.all()
    assert row.weekdays == "1234"
    assert notice.hours_summary() == "Mo–Do 9–12 Uhr"


def test_closing_before_opening_is_refused_in_german(editing):
    response = editing(["1"], "12:00", "09:00")
    assert response.status_code == 200
    assert "„bis“ muss nach „von“ liegen." in visible_text(response.text)
    assert not editing.notice.opening_hours.exists()


def test_closing_when_opening_is_refused_too(editing):
    response = editing(["1"], "09:00", "09:00")
    assert response.status_code == 200
    assert "„bis“ muss nach „von“ liegen." in visible_text(response.text)


def test_a_row_without_weekday_is_refused_in_german(editing):
    response = editing([], "09:00", "12:00")
    assert response.status_code == 200
    assert "Wählen Sie mindestens einen Wochentag." in visible_text(response.text)
    assert not editing.notice.opening_hours.exists()


@pytest.mark.parametrize(
    ("weekdays", "opens"), [(["8"], "09:00"), (["1x"], "09:00"), (["1"], "25:00")]
)
def test_hostile_values_are_refused_not_an_error(editing, weekdays, opens):
    response = editing(weekdays, opens, "12:00")
    assert response.status_code == 200
    assert not editing.notice.opening_hours.exists()
