"""The home page's "Nächste Veranstaltungen": the first events by their next date, found
on the narrow occurrence table (each event's first running row) instead of sorting every
event's whole page row by its next date. The order, the annotations and the choice are
those of ``with_next_occurrence()``; the queries do not grow with the events or with
dense series."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventPage, Repeat

from ..factories import EventPageFactory
from .series_helpers import NOW, berlin, series


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def reference(limit):
    """What the listing showed before: every running event sorted by its next date."""
    events = EventPage.objects.live().upcoming().with_next_occurrence()
    return list(events.order_by("next_start", "pk")[:limit])


def chosen(limit):
    return EventPage.objects.live().first_by_next_occurrence(limit)


def summary(events):
    return [
        (event.title, event.next_start, event.next_end, event.next_cancelled) for event in events
    ]


@pytest.fixture
def calendar(event_index):
    # A daily series: its many rows come first in date order, one event among them.
    series(
        event_index, berlin(2026, 8, 1, 9), repeat=Repeat.DAILY, repeat_count=200, title="Täglich"
    )
    # Running now (started yesterday, ends tomorrow): first by its next date.
    EventPageFactory(
        parent=event_index,
        title="Läuft",
        start=NOW - datetime.timedelta(days=1),
        end=NOW + datetime.timedelta(days=1),
    )
    # Two events at the same moment: the older page first.
    for title in ("Gleichzeitig A", "Gleichzeitig B"):
        EventPageFactory(parent=event_index, title=title, start=berlin(2026, 9, 20, 18))
    series(event_index, berlin(2026, 9, 8, 15), repeat=Repeat.WEEKLY, title="Wöchentlich")
    # Over, and a draft: never listed.
    EventPageFactory(parent=event_index, title="Vorbei", start=berlin(2026, 8, 3, 10))
    EventPageFactory(parent=event_index, title="Entwurf", live=False, start=berlin(2026, 9, 2, 10))
    for days in (40, 50, 60):
        EventPageFactory(
            parent=event_index, title=f"In {days} Tagen", start=NOW + datetime.timedelta(days=days)
        )


@pytest.mark.parametrize("limit", [1, 3, 5, 8, 20])
def test_same_events_in_the_same_order_as_sorting_every_event(calendar, limit):
    assert summary(chosen(limit)) == summary(reference(limit))


def test_the_daily_series_does_not_crowd_out_the_others(calendar):
    titles = [event.title for event in chosen(5)]
    assert titles[:2] == ["Läuft", "Täglich"]
    assert "Wöchentlich" in titles
    assert titles.count("Täglich") == 1
    assert "Vorbei" not in titles and "Entwurf" not in titles


def test_fewer_events_than_asked_for(event_index):
    EventPageFactory(parent=event_index, title="Einzig", start=NOW + datetime.timedelta(days=3))
    assert [event.title for event in chosen(3)] == ["Einzig"]
    EventPage.objects.all().delete()
    assert chosen(3) == []


def test_queries_do_not_grow_with_the_events(event_index):
    def count():
        with CaptureQueriesContext(connection) as queries:
            chosen(3)
        return len(queries.captured_queries)

    for days in range(1, 4):
        EventPageFactory(parent=event_index, start=NOW + datetime.timedelta(days=days))
    few = count()
    for days in range(4, 40):
        EventPageFactory(parent=event_index, start=NOW + datetime.timedelta(days=days))
    assert count() == few


def test_a_window_of_rows_in_date_order_answers_without_grouping(event_index):
    """Single events and a weekly series: the first rows in date order name enough events,
    so no query groups the occurrence table."""
    series(event_index, berlin(2026, 9, 8, 15), repeat=Repeat.WEEKLY, title="Wöchentlich")
    for days in range(2, 12):
        EventPageFactory(parent=event_index, start=NOW + datetime.timedelta(days=days))
    with CaptureQueriesContext(connection) as queries:
        events = chosen(3)
    assert summary(events) == summary(reference(3))
    assert not any("GROUP BY" in query["sql"] for query in queries.captured_queries)


def test_dense_series_filling_the_window_are_grouped(event_index):
    """Three daily series fill every row of the window (forty rows for four events): the
    answer comes from grouping the rows, and still matches sorting every event."""
    for hour in (8, 9, 10):
        series(event_index, berlin(2026, 9, 1, hour), repeat=Repeat.DAILY, repeat_count=60)
    EventPageFactory(parent=event_index, title="Später", start=NOW + datetime.timedelta(days=20))
    with CaptureQueriesContext(connection) as queries:
        events = chosen(4)
    assert summary(events) == summary(reference(4))
    assert events[-1].title == "Später"
    assert any("GROUP BY" in query["sql"] for query in queries.captured_queries)
