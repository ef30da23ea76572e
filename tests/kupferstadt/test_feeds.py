"""RSS 2.0 and Atom feeds, parsed with feedparser."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from home.models import Region

from ..factories import EventPageFactory, NoticePageFactory, TopicFactory


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.fixture
def board(pinnwand):
    familie = TopicFactory(name="Familie")
    NoticePageFactory(parent=pinnwand, title="Familientreff", topics=[familie])
    NoticePageFactory(parent=pinnwand, title="Aachener Angebot", region=Region.DISTRICT)
    NoticePageFactory(
        parent=pinnwand,
        title="Abgelaufen",
        valid_from=timezone.localdate() - datetime.timedelta(days=9),
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
    )
    return pinnwand


@pytest.mark.parametrize("kind, version", [("rss", "rss20"), ("atom", "atom10")])
def test_pinnwand_feed_lists_current_notices_only(client, board, kind, version):
    feed = parse(client, f"{board.url}{kind}/")
    assert feed.version == version
    assert {entry.title for entry in feed.entries} == {"Familientreff", "Aachener Angebot"}
    entry = next(e for e in feed.entries if e.title == "Familientreff")
    assert entry.link == "http://testserver/de/pinnwand/familientreff/"
    assert [tag.term for tag in entry.tags] == ["Familie"]


@pytest.mark.parametrize(
    "query, titles",
    [("topic=familie", {"Familientreff"}), ("region=staedteregion", {"Aachener Angebot"})],
)
def test_pinnwand_feed_follows_the_filters(client, board, query, titles):
    assert {e.title for e in parse(client, f"{board.url}rss/?{query}").entries} == titles


def test_unknown_filter_in_a_feed_is_ignored_not_fatal(client, board):
    assert len(parse(client, f"{board.url}atom/?topic=nix&audience=<b>").entries) == 2


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_event_feed_lists_upcoming_events(client, event_index, kind):
    EventPageFactory(parent=event_index, title="Demnächst")
    EventPageFactory(
        parent=event_index, title="Vorbei", start=timezone.now() - datetime.timedelta(days=3)
    )
    feed = parse(client, f"{event_index.url}{kind}/")
    assert [e.title for e in feed.entries] == ["Demnächst"]
    assert "Treffpunkt" in feed.entries[0].summary  # the place is in the description


def test_listing_pages_announce_their_feeds(client, board, event_index):
    html = client.get(board.url, {"topic": "familie", "page": "1"}).text
    assert 'type="application/rss+xml"' in html and 'type="application/atom+xml"' in html
    assert 'href="/de/pinnwand/rss/?topic=familie"' in html
    assert 'type="application/rss+xml"' in client.get(event_index.url).text
