"""Regular hours show on the board's card (one line), on the notice (a table of days with
machine-readable times) and on the printable Aushang."""

import re

from tests.utils import visible_text

from ..factories import NoticePageFactory
from .factories_hours import NoticeWithHoursFactory, hours

SUMMARY = "Mo–Do 9–12 Uhr, Fr 9–11 Uhr, an Feiertagen geschlossen"


def test_the_board_card_shows_the_hours_in_one_line(client, pinnwand):
    NoticeWithHoursFactory(parent=pinnwand, title="Sprechstunde", hours_note="nicht im August")
    NoticePageFactory(parent=pinnwand, title="Flohmarkt")  # no hours: no line
    text = visible_text(client.get(pinnwand.url).text)
    assert "Sprechstunde" in text and "Flohmarkt" in text
    assert f"Zeiten: {SUMMARY}, nicht im August" in text
    assert text.count("Zeiten:") == 1


def test_the_home_page_cards_show_the_hours_too(client, home, pinnwand):
    NoticeWithHoursFactory(parent=pinnwand)
    assert SUMMARY in visible_text(client.get(home.url).text)


def test_the_notice_lists_each_day_with_its_times(client, pinnwand):
    notice = NoticeWithHoursFactory(
        parent=pinnwand,
        opening_hours=[
            hours("1234", "09:00", "12:00"),
            hours("5", "09:00", "11:00"),
            hours("1", "14:00", "16:00"),
        ],
        hours_note="außer in den Schulferien",
    )
    html = client.get(notice.url).text
    table = re.search(r'<table class="hours".*?</table>', html, re.S).group(0)
    rows = [visible_text(row) for row in re.findall(r"<tr>.*?</tr>", table, re.S)]
    assert rows == [
        "Wochentag Uhrzeit",
        "Montag 09:00 bis 12:00 Uhr, 14:00 bis 16:00 Uhr",
        "Dienstag 09:00 bis 12:00 Uhr",
        "Mittwoch 09:00 bis 12:00 Uhr",
        "Donnerstag 09:00 bis 12:00 Uhr",
        "Freitag 09:00 bis 11:00 Uhr",
    ]
    assert '<th scope="row">Montag</th>' in table
    assert '<time datetime="14:00">14:00</time>' in table
    text = visible_text(html)
    assert "Regelmäßige Zeiten" in text
    assert "An Feiertagen geschlossen." in text
    assert "außer in den Schulferien" in text

    without_hours = client.get(NoticePageFactory(parent=pinnwand).url).text
    assert "Regelmäßige Zeiten" not in without_hours and "<table" not in without_hours


def test_the_printable_notice_states_the_hours(client, pinnwand):
    notice = NoticeWithHoursFactory(parent=pinnwand, hours_note="außer in den Schulferien")
    response = client.get(notice.url + "druckansicht/")
    assert response.status_code == 200
    assert f"Zeiten {SUMMARY}, außer in den Schulferien" in visible_text(response.text)
