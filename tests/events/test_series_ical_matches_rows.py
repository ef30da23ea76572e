"""Expanding our own iCal output (RRULE, EXDATE, RDATE, RECURRENCE-ID) with
recurring_ical_events gives exactly the dates the rows and the event page show."""

import datetime
import re

import pytest
import recurring_ical_events
import time_machine
from icalendar import Calendar

from events.models import Repeat, SchoolHoliday

from .series_helpers import BERLIN, NOW, berlin, series


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def ical_dates(client, event):
    response = client.get(event.url + "ical/")
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    expanded = recurring_ical_events.of(calendar).between(
        NOW - datetime.timedelta(days=400), NOW + datetime.timedelta(days=548)
    )
    return sorted(
        (component.decoded("DTSTART"), component.decoded("DTEND"))
        for component in expanded
        if component.get("STATUS") != "CANCELLED"
    )


def row_dates(event):
    return sorted((row.start, row.end) for row in event.occurrences.filter(cancelled=False))


def page_dates(client, event):
    """Start times of the dates the page lists, cancelled ones left out."""
    html = client.get(event.url).text
    items = re.findall(
        r'<li class="event-dates__item( event-dates__item--cancelled)?">(.*?)</li>', html, re.S
    )
    starts = []
    for cancelled, item in items:
        if not cancelled:
            starts.append(
                datetime.datetime.fromisoformat(re.findall(r'datetime="([^"]+)"', item)[-1])
            )
    return starts


def assert_all_agree(client, event, expected_local_starts):
    ical = ical_dates(client, event)
    rows = row_dates(event)
    assert ical == rows
    assert [start.astimezone(BERLIN).replace(tzinfo=None) for start, _end in rows] == [
        datetime.datetime(*value) for value in expected_local_starts
    ]
    upcoming = [start for start, end in rows if end >= NOW][:10]
    assert page_dates(client, event) == upcoming


def test_weekly_across_the_end_of_daylight_saving_stays_at_15_uhr(client, event_index):
    event = series(
        event_index,
        berlin(2026, 10, 6, 15),
        repeat=Repeat.WEEKLY,
        repeat_weekdays="TU",
        repeat_until=datetime.date(2026, 11, 24),
    )
    expected = [(2026, 10, d, 15) for d in (6, 13, 20, 27)] + [
        (2026, 11, d, 15) for d in (3, 10, 17, 24)
    ]
    assert_all_agree(client, event, expected)
    offsets = {start.astimezone(BERLIN).utcoffset() for start, _ in row_dates(event)}
    assert offsets == {datetime.timedelta(hours=2), datetime.timedelta(hours=1)}


def test_fifth_thursday_only_in_months_that_have_one(client, event_index):
    event = series(
        event_index,
        berlin(2026, 10, 29, 18),
        repeat=Repeat.MONTHLY_WEEKDAY,
        repeat_week_of_month=5,
        repeat_count=4,
    )
    expected = [(2026, 10, 29, 18), (2026, 12, 31, 18), (2027, 4, 29, 18), (2027, 7, 29, 18)]
    assert_all_agree(client, event, expected)


def test_cancelled_and_moved_occurrences(client, event_index):
    event = series(
        event_index,
        berlin(2026, 9, 2, 10),
        repeat=Repeat.WEEKLY,
        repeat_count=4,
        changes=[
            {"original_date": datetime.date(2026, 9, 9), "cancelled": True},
            {
                "original_date": datetime.date(2026, 9, 16),
                "new_start": berlin(2026, 9, 18, 14),
                "note": "diesmal am Freitag",
            },
        ],
    )
    assert_all_agree(client, event, [(2026, 9, 2, 10), (2026, 9, 18, 14), (2026, 9, 23, 10)])
    html = client.get(event.url).text
    assert "abgesagt" in html and "verschoben auf" in html and "diesmal am Freitag" in html
    raw = client.get(event.url + "ical/").content.decode()
    assert "STATUS:CANCELLED" in raw and "RECURRENCE-ID;TZID=Europe/Berlin:20260909T100000" in raw


def test_monday_series_skips_easter_monday_and_whit_monday(client, event_index):
    event = series(
        event_index,
        berlin(2027, 3, 15, 9),
        repeat=Repeat.WEEKLY,
        repeat_until=datetime.date(2027, 5, 24),
        skip_public_holidays=True,
    )
    mondays = [(2027, 3, 15), (2027, 3, 22), (2027, 4, 5), (2027, 4, 12), (2027, 4, 19)]
    mondays += [(2027, 4, 26), (2027, 5, 3), (2027, 5, 10), (2027, 5, 24)]
    assert_all_agree(client, event, [(*day, 9) for day in mondays])


def test_series_skips_the_school_holidays(client, event_index):
    SchoolHoliday.objects.create(
        name="Herbstferien 2026",
        first_day=datetime.date(2026, 10, 17),
        last_day=datetime.date(2026, 10, 31),
    )
    event = series(
        event_index,
        berlin(2026, 10, 6, 15),
        repeat=Repeat.WEEKLY,
        repeat_until=datetime.date(2026, 11, 10),
        skip_school_holidays=True,
    )
    expected = [(2026, 10, 6, 15), (2026, 10, 13, 15), (2026, 11, 3, 15), (2026, 11, 10, 15)]
    assert_all_agree(client, event, expected)


def test_count_with_an_excluded_and_an_extra_date(client, event_index):
    event = series(
        event_index,
        berlin(2026, 9, 7, 18),
        repeat=Repeat.DAILY,
        repeat_interval=2,
        repeat_count=4,
        excluded=[datetime.date(2026, 9, 9)],
        extra=[datetime.date(2026, 9, 20)],
    )
    expected = [(2026, 9, 7, 18), (2026, 9, 11, 18), (2026, 9, 13, 18), (2026, 9, 20, 18)]
    assert_all_agree(client, event, expected)
