"""The JSON-LD of a series (parsed from the page): an ``Event`` at its next date with the
rule as schema.org ``Schedule``; a single event keeps its own dates."""

import datetime
import json
import re

import pytest
import time_machine

from events.models import Repeat

from ..factories import EventPageFactory
from .series_helpers import NOW, berlin, series


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):  # Tuesday, 1 September 2026, noon
        yield


def event_json_ld(client, page):
    html = client.get(page.url).text
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    events = [item for item in map(json.loads, blocks) if item["@type"] == "Event"]
    assert len(events) == 1
    return events[0]


def test_a_weekly_series_is_announced_at_its_next_date_not_its_first(client, event_index):
    cafe = series(event_index, berlin(2026, 8, 4, 15), repeat=Repeat.WEEKLY, repeat_weekdays="TU")
    event = event_json_ld(client, cafe)
    assert event["startDate"] == "2026-09-01T15:00:00+02:00"
    assert event["endDate"] == "2026-09-01T17:00:00+02:00"


def test_the_schedule_states_rule_times_end_date_and_time_zone(client, event_index):
    cafe = series(
        event_index,
        berlin(2026, 8, 4, 15),
        repeat=Repeat.WEEKLY,
        repeat_weekdays="TU,TH",
        repeat_until=datetime.date(2027, 6, 30),
    )
    assert event_json_ld(client, cafe)["eventSchedule"] == {
        "@type": "Schedule",
        "repeatFrequency": "P1W",
        "byDay": ["https://schema.org/Tuesday", "https://schema.org/Thursday"],
        "startDate": "2026-08-04",
        "endDate": "2027-06-30",
        "startTime": "15:00:00",
        "endTime": "17:00:00",
        "scheduleTimezone": "Europe/Berlin",
    }


@pytest.mark.parametrize(
    "start, fields, expected",
    [
        (
            berlin(2026, 9, 7, 10),
            {"repeat": Repeat.WEEKLY, "repeat_interval": 2},
            {"repeatFrequency": "P2W", "byDay": ["https://schema.org/Monday"]},
        ),
        (
            berlin(2026, 9, 7, 10),
            {"repeat": Repeat.DAILY, "repeat_count": 5},
            {"repeatFrequency": "P1D", "repeatCount": 5},
        ),
        (
            berlin(2026, 9, 15, 10),
            {"repeat": Repeat.MONTHLY_DAY},
            {"repeatFrequency": "P1M", "byMonthDay": 15},
        ),
        (
            berlin(2026, 9, 7, 10),
            {"repeat": Repeat.MONTHLY_WEEKDAY},
            {"repeatFrequency": "P1M", "byDay": "https://schema.org/Monday", "byMonthWeek": 1},
        ),
    ],
    ids=["fortnightly", "daily-count", "monthly-day", "first-monday"],
)
def test_each_kind_of_rule_has_its_frequency(client, event_index, start, fields, expected):
    event = series(event_index, start, **fields)
    schedule = event_json_ld(client, event)["eventSchedule"]
    assert {key: schedule.get(key) for key in expected} == expected
    assert schedule["startDate"] == start.date().isoformat()


def test_excluded_cancelled_and_moved_dates_are_except_dates(client, event_index):
    cafe = series(
        event_index,
        berlin(2026, 8, 4, 15),
        repeat=Repeat.WEEKLY,
        repeat_count=10,
        excluded=[datetime.date(2026, 9, 15), datetime.date(2026, 8, 11)],
        changes=[
            {"original_date": datetime.date(2026, 9, 8), "cancelled": True},
            {"original_date": datetime.date(2026, 9, 22), "new_start": berlin(2026, 9, 24, 10)},
        ],
        extra=[datetime.date(2026, 10, 31)],
    )
    schedules = event_json_ld(client, cafe)["eventSchedule"]
    rule, *once = schedules
    # Days already past are left out (11 August).
    assert rule["exceptDate"] == ["2026-09-08", "2026-09-15", "2026-09-22"]
    assert [(s["startDate"], s["startTime"], s["endTime"], s["repeatCount"]) for s in once] == [
        ("2026-09-24", "10:00:00", "12:00:00", 1),
        ("2026-10-31", "15:00:00", "17:00:00", 1),
    ]


def test_a_cancelled_next_date_gives_the_following_date(client, event_index):
    cafe = series(
        event_index,
        berlin(2026, 8, 4, 15),
        repeat=Repeat.WEEKLY,
        changes=[{"original_date": datetime.date(2026, 9, 1), "cancelled": True}],
    )
    assert event_json_ld(client, cafe)["startDate"] == "2026-09-08T15:00:00+02:00"


def test_public_holidays_skipped_by_the_series_are_except_dates(client, event_index):
    course = series(
        event_index,
        berlin(2026, 9, 7, 10),
        repeat=Repeat.WEEKLY,
        repeat_until=datetime.date(2027, 6, 30),
        skip_public_holidays=True,
    )
    except_dates = event_json_ld(client, course)["eventSchedule"]["exceptDate"]
    assert except_dates == ["2027-03-29", "2027-05-17"]  # Easter and Whit Monday


def test_winter_dates_of_a_series_carry_winter_time(client, event_index):
    cafe = series(event_index, berlin(2026, 11, 3, 15), repeat=Repeat.WEEKLY)
    event = event_json_ld(client, cafe)
    assert event["startDate"] == "2026-11-03T15:00:00+01:00"
    assert event["eventSchedule"]["startTime"] == "15:00:00"


def test_a_single_event_keeps_its_dates_and_has_no_schedule(client, event_index):
    forum = EventPageFactory(parent=event_index, start=berlin(2026, 10, 6, 17))
    event = event_json_ld(client, forum)
    assert event["startDate"] == "2026-10-06T17:00:00+02:00"
    assert event["endDate"] == "2026-10-06T19:00:00+02:00"
    assert "eventSchedule" not in event
