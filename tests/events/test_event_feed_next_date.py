"""RSS and Atom items of a series (parsed with feedparser) carry its next date, in the
title and at the head of the description, with the rule in words; the feed's queries do
not grow with the number of series."""

import datetime

import feedparser
import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Repeat

from ..factories import EventPageFactory
from .series_helpers import NOW, berlin, series


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW + datetime.timedelta(days=1), tick=False):  # Wed 2 Sept
        yield


def entries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed.entries


def elterncafe(event_index, **fields):
    return series(
        event_index,
        berlin(2026, 8, 4, 15),
        title="Elterncafé",
        repeat=Repeat.WEEKLY,
        repeat_weekdays="TU",
        **fields,
    )


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_a_series_item_names_its_next_date_not_its_first(client, event_index, kind):
    elterncafe(event_index)
    EventPageFactory(parent=event_index, title="Forum", start=berlin(2026, 9, 10, 17))
    items = entries(client, f"{event_index.url}{kind}/")
    assert [item.title for item in items] == ["Elterncafé – 8. September 2026", "Forum"]
    description = items[0].summary
    assert description.startswith("Nächster Termin: Dienstag, 8. September 2026, 15:00")
    assert "Wöchentlich am Dienstag, 15:00–17:00 Uhr" in description
    assert "4. August" not in description


def test_a_cancelled_next_date_is_announced_as_cancelled(client, event_index):
    elterncafe(
        event_index, changes=[{"original_date": datetime.date(2026, 9, 8), "cancelled": True}]
    )
    (item,) = entries(client, f"{event_index.url}rss/")
    assert item.summary.startswith("Nächster Termin fällt aus: Dienstag, 8. September 2026")


def test_a_single_event_item_keeps_its_title_and_date(client, event_index):
    EventPageFactory(parent=event_index, title="Forum", start=berlin(2026, 9, 10, 17))
    (item,) = entries(client, f"{event_index.url}atom/")
    assert item.title == "Forum"
    assert item.summary.startswith("Donnerstag, 10. September 2026, 17:00")


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def add_series(event_index, count):
    for number in range(count):
        series(event_index, berlin(2026, 8, 3 + number % 7, 9 + number % 8), repeat=Repeat.WEEKLY)


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_queries_do_not_grow_with_series(client, event_index, kind):
    add_series(event_index, 3)
    few = count_queries(client, f"{event_index.url}{kind}/")
    add_series(event_index, 30)
    assert count_queries(client, f"{event_index.url}{kind}/") == few
