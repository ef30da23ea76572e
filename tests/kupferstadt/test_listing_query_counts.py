"""Listing pages issue the same number of SQL queries however much content there is."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..factories import (
    DistrictFactory,
    EventPageFactory,
    NoticePageFactory,
    OrganisationFactory,
    ProjectPageFactory,
    TopicFactory,
)


def count_queries(client, url):
    # Warm per-process caches (site root paths, content types) and the site frame: the
    # first view keeps the page's route, the second the page itself (kupferstadt/routing.py).
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def add_notices(pinnwand, count):
    topic, district = TopicFactory(), DistrictFactory()
    for _ in range(count):
        NoticePageFactory(
            parent=pinnwand, topics=[topic], districts=[district], provider=OrganisationFactory()
        )


def add_events(event_index, count):
    topic = TopicFactory()
    for _ in range(count):
        EventPageFactory(parent=event_index, topics=[topic])


@pytest.mark.parametrize("url_suffix", ["", "archiv/", "?topic=x&page=2"])
def test_pinnwand_queries_do_not_grow_with_notices(client, pinnwand, url_suffix, settings):
    settings.KUPFERSTADT_PAGE_SIZE = 50
    add_notices(pinnwand, 3)
    few = count_queries(client, pinnwand.url + url_suffix)
    add_notices(pinnwand, 30)
    assert count_queries(client, pinnwand.url + url_suffix) == few


def test_event_index_queries_do_not_grow_with_events(client, event_index, settings):
    settings.KUPFERSTADT_PAGE_SIZE = 50
    add_events(event_index, 3)
    few = count_queries(client, event_index.url)
    add_events(event_index, 30)
    assert count_queries(client, event_index.url) == few


def test_home_and_leitbild_queries_do_not_grow(client, home, pinnwand, event_index, leitbild):
    add_notices(pinnwand, 2)
    add_events(event_index, 2)
    ProjectPageFactory(parent=leitbild)
    few_home, few_leitbild = count_queries(client, home.url), count_queries(client, leitbild.url)
    add_notices(pinnwand, 10)
    add_events(event_index, 10)
    for _ in range(10):
        ProjectPageFactory(parent=leitbild, topics=[TopicFactory()])
    assert count_queries(client, home.url) == few_home
    assert count_queries(client, leitbild.url) == few_leitbild


@pytest.mark.parametrize(
    "params",
    [
        "type=home.NoticePage&fields=teaser,topics,districts,provider",
        "type=home.NoticePage&fields=*",
        "type=events.EventPage&fields=topics,venue",
        "fields=title",
    ],
    ids=["notices", "notices-all-fields", "events", "all-types"],
)
def test_api_listing_queries_do_not_grow_with_items(client, pinnwand, event_index, params):
    """Each item's language and asked-for topics come for the whole page of items at once."""
    add_notices(pinnwand, 2)
    add_events(event_index, 2)
    few = count_queries(client, f"/api/v2/pages/?{params}")
    add_notices(pinnwand, 15)
    add_events(event_index, 15)
    assert count_queries(client, f"/api/v2/pages/?{params}") == few
