"""Publishing writes an event's dates as rows; listings read the rows and show each series
once, at its next date, with queries constant in the number of series."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventOccurrence, EventPage, Repeat

from ..factories import EventPageFactory, TopicFactory, VenueFactory
from ..utils import visible_text
from .series_helpers import NOW, berlin, series


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def test_publishing_a_series_writes_its_rows_and_unpublishing_drops_them(event_index):
    event = EventPageFactory(parent=event_index, start=berlin(2026, 9, 8, 15))
    assert event.occurrences.count() == 1
    event.repeat = Repeat.WEEKLY
    event.repeat_count = 5
    event.save_revision().publish()
    assert [row.start for row in event.occurrences.order_by("start")] == [
        berlin(2026, 9, 8, 15) + datetime.timedelta(weeks=n) for n in range(5)
    ]
    event.unpublish()
    assert not EventOccurrence.objects.filter(event=event).exists()
    assert event not in EventPage.objects.upcoming()


def test_a_draft_does_not_change_the_rows(event_index):
    event = series(event_index, berlin(2026, 9, 8, 15), repeat=Repeat.WEEKLY, repeat_count=3)
    event.repeat_count = 10
    event.save_revision()
    assert event.occurrences.count() == 3


def test_rows_reach_the_horizon_and_keep_90_days_of_past(event_index, settings):
    settings.KUPFERSTADT_OCCURRENCE_HORIZON_DAYS = 60
    event = series(event_index, berlin(2026, 1, 6, 15), repeat=Repeat.WEEKLY)
    starts = list(event.occurrences.order_by("start").values_list("start", flat=True))
    assert starts[0] >= NOW - datetime.timedelta(days=90)
    assert starts[-1] <= NOW + datetime.timedelta(days=60)
    assert starts[-1] >= NOW + datetime.timedelta(days=53)


def test_a_past_series_stays_in_the_archive(client, event_index):
    old = series(
        event_index,
        berlin(2025, 1, 7, 15),
        title="Alter Kurs",
        repeat=Repeat.WEEKLY,
        repeat_count=3,
    )
    assert old.occurrences.count() == 1  # its last date, for the archive
    assert old in EventPage.objects.past()
    assert "Alter Kurs" in visible_text(client.get(event_index.url + "archiv/").text)


def test_the_calendar_lists_a_series_once_at_its_next_date(client, event_index):
    series(
        event_index,
        berlin(2026, 8, 4, 15),
        title="Elterncafé",
        repeat=Repeat.WEEKLY,
        repeat_weekdays="TU",
    )
    EventPageFactory(parent=event_index, title="Forum", start=berlin(2026, 9, 3, 17))
    text = visible_text(client.get(event_index.url).text)
    assert text.count("Elterncafé") == 1
    assert text.index("Forum") > text.index("Elterncafé")  # Tuesday 1 Sept comes first
    assert "Nächster Termin: Dienstag, 1. September 2026, 15:00 – 17:00 Uhr" in text
    assert "Wöchentlich am Dienstag, 15:00–17:00 Uhr" in text


def test_next_date_cancelled_is_shown_struck_through(client, event_index):
    series(
        event_index,
        berlin(2026, 9, 8, 15),
        title="Sprachcafé",
        repeat=Repeat.WEEKLY,
        changes=[{"original_date": datetime.date(2026, 9, 8), "cancelled": True}],
    )
    html = client.get(event_index.url).text
    assert "<del>" in html and "abgesagt" in visible_text(html)


def test_home_page_shows_what_happens_next(client, home, event_index):
    series(event_index, berlin(2026, 9, 2, 10), title="Computerkurs", repeat=Repeat.DAILY)
    EventPageFactory(parent=event_index, title="Später", start=berlin(2026, 12, 1, 10))
    text = visible_text(client.get(home.url).text)
    assert text.index("Computerkurs") < text.index("Später")


def test_listing_queries_do_not_grow_with_series_and_rows(client, event_index):
    topic, venue = TopicFactory(), VenueFactory()

    def add(count):
        for number in range(count):
            series(
                event_index,
                berlin(2026, 9, 2 + number % 5, 15),
                repeat=Repeat.WEEKLY,
                topics=[topic],
                venue=venue,
            )

    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    add(3)
    counts = [queries(event_index.url), queries(event_index.url + "ical/")]
    add(27)
    assert [queries(event_index.url), queries(event_index.url + "ical/")] == counts
