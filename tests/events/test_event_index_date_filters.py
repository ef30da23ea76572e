"""The calendar's date filters read every occurrence: "heute", "diese Woche", "am
Wochenende", a date range (von/bis) and the month show an event when one of its dates falls
in the span, at that date; days end at midnight in German time; bad dates give a German
message at the field and the filter is left out."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup

from events.models import Repeat

from ..factories import EventPageFactory
from ..utils import visible_text
from .series_helpers import NOW, berlin, series

# NOW is Tuesday, 1 September 2026, 12:00; this week runs from 31 August to 6 September.


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def calendar(event_index):
    series(
        event_index,
        berlin(2026, 9, 1, 15),
        title="Elterncafé",
        repeat=Repeat.WEEKLY,
        repeat_weekdays="TU",
        excluded=[datetime.date(2026, 10, 6)],
    )
    EventPageFactory(parent=event_index, title="Freitagstreff", start=berlin(2026, 9, 4, 18))
    EventPageFactory(
        parent=event_index,
        title="Sonntagsspät",
        start=berlin(2026, 9, 6, 23, 30),
        end=berlin(2026, 9, 6, 23, 55),
    )
    EventPageFactory(
        parent=event_index,
        title="Montagsfrüh",
        start=berlin(2026, 9, 7, 0, 30),
        end=berlin(2026, 9, 7, 1, 30),
    )
    return event_index


def titles(response):
    assert response.status_code == 200
    return [event.title for event in response.context["events"]]


def test_today_shows_what_takes_place_today(client, calendar):
    assert titles(client.get(calendar.url, {"when": "heute"})) == ["Elterncafé"]


def test_this_week_runs_from_monday_to_sunday_midnight_in_german_time(client, calendar):
    assert titles(client.get(calendar.url, {"when": "woche"})) == [
        "Elterncafé",
        "Freitagstreff",
        "Sonntagsspät",
    ]


def test_the_weekend_is_saturday_and_sunday_of_this_week(client, calendar):
    # Sunday 23:30 is Sunday in Stolberg (21:30 UTC); Monday 00:30 is not (still Sunday
    # in UTC).
    assert titles(client.get(calendar.url, {"when": "wochenende"})) == ["Sonntagsspät"]


def test_a_weekly_series_appears_in_every_month_it_has_a_date_in(client, calendar):
    response = client.get(calendar.url, {"month": "2027-01"})
    assert titles(response) == ["Elterncafé"]
    assert "Nächster Termin: Dienstag, 5. Januar 2027, 15:00 – 17:00 Uhr" in visible_text(
        response.text
    )


def test_a_date_range_shows_events_with_a_date_inside_it(client, calendar):
    response = client.get(calendar.url, {"date_from": "2026-09-05", "date_to": "2026-09-08"})
    assert titles(response) == ["Sonntagsspät", "Montagsfrüh", "Elterncafé"]
    assert "Nächster Termin: Dienstag, 8. September 2026" in visible_text(response.text)


def test_a_date_range_between_two_dates_of_a_series_does_not_show_it(client, calendar):
    # 29 September and 13 October are Tuesdays of the series; 6 October is excluded.
    response = client.get(calendar.url, {"date_from": "30.09.2026", "date_to": "12.10.2026"})
    assert titles(response) == []


def test_an_open_range_from_a_day_on(client, calendar):
    assert titles(client.get(calendar.url, {"date_from": "2026-09-07"})) == [
        "Montagsfrüh",
        "Elterncafé",
    ]


@pytest.mark.parametrize("value", ["31.02.2026", "morgen", "2026-13-01", "<b>", "1899-12-31"])
def test_a_bad_date_gives_a_german_message_and_no_filter(client, calendar, value):
    response = client.get(calendar.url, {"date_from": value})
    assert len(titles(response)) == 4
    text = visible_text(response.text)
    assert "der Filter wurde nicht angewendet" in text
    assert "Bitte geben Sie ein Datum" in text


def test_a_range_that_ends_before_it_begins_is_reported_and_left_out(client, calendar):
    response = client.get(calendar.url, {"date_from": "2026-09-10", "date_to": "2026-09-05"})
    assert len(titles(response)) == 4
    assert "Das Enddatum liegt vor dem Anfangsdatum" in visible_text(response.text)


def test_an_unknown_choice_for_when_is_reported(client, calendar):
    response = client.get(calendar.url, {"when": "gestern"})
    assert len(titles(response)) == 4
    assert "gestern" in visible_text(response.text)


def test_the_date_pickers_get_iso_values_a_typed_german_date_converted(client, calendar):
    """A date input's value must be ISO; an unreadable one stays empty (its message says
    why), so the form stays valid HTML."""
    response = client.get(
        calendar.url, {"date_from": "01.09.2026", "date_to": "31.02.2026", "month": "2026-13"}
    )
    page = BeautifulSoup(response.text, "html.parser")
    assert page.select_one("#id_date_from")["value"] == "2026-09-01"
    assert not page.select_one("#id_date_to").get("value")
    assert not page.select_one("#id_month").get("value")
