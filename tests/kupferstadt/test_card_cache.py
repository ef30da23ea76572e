"""Cards in the listings are rendered once per content version (kupferstadt/cards.py): a
second view of a listing reads them from the cache without the queries for their topics,
districts and hours; a publish, a renamed topic or another language shows at once, and a
series shows the date the listing is about."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Repeat
from home.models import OpeningHours
from kupferstadt.translation import synchronise_trees

from ..events.series_helpers import NOW, berlin, series
from ..factories import (
    DistrictFactory,
    NoticePageFactory,
    ProjectPageFactory,
    TopicFactory,
)
from ..utils import visible_text

CARD_TABLES = ('"kupferstadt_topic"', '"kupferstadt_district"', '"home_openinghours"')


def get(client, url, params=None):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in ctx.captured_queries]


def card_queries(queries):
    """The queries for what cards show of their pages' relations (topics, districts,
    hours of several pages at once)."""
    return [
        sql
        for sql in queries
        if sql.partition(" FROM ")[2].startswith(CARD_TABLES) and " IN (" in sql
    ]


@pytest.fixture
def board(pinnwand):
    topic = TopicFactory(name="Familie", slug="familie")
    district = DistrictFactory(name="Atsch", slug="atsch")
    for number in range(3):
        notice = NoticePageFactory(parent=pinnwand, title=f"Elterncafé {number}")
        notice.topics.add(topic)
        notice.districts.add(district)
        OpeningHours.objects.create(
            notice=notice, weekdays=["MO"], opens=datetime.time(9), closes=datetime.time(12)
        )
        notice.save()
    return pinnwand


def test_second_view_of_a_listing_reads_its_cards_from_the_cache(client, board):
    first, first_queries = get(client, board.url)
    second, second_queries = get(client, board.url)
    assert second == first
    assert "Atsch" in second and "Familie" in second
    assert len(card_queries(first_queries)) == 3
    assert card_queries(second_queries) == []


def test_the_home_page_reads_notice_and_initiative_cards_from_the_cache(
    client, home, board, leitbild
):
    ProjectPageFactory(parent=leitbild, title="Aktionsplan Inklusion").topics.add(
        TopicFactory(name="Inklusion", slug="inklusion")
    )
    first, first_queries = get(client, home.url)
    second, second_queries = get(client, home.url)
    assert second == first
    assert "Elterncafé 2" in second and "Aktionsplan Inklusion" in second
    assert card_queries(first_queries) and card_queries(second_queries) == []


def test_a_published_change_shows_on_its_card_at_once(client, board):
    get(client, board.url)
    notice = board.get_children().specific().first()
    notice.title = "Spielgruppe am Mittwoch"
    notice.save_revision().publish()
    html, _queries = get(client, board.url)
    assert "Spielgruppe am Mittwoch" in html


def test_a_renamed_topic_shows_on_every_card_at_once(client, board):
    get(client, board.url)
    topic = TopicFactory._meta.model.objects.get(slug="familie")
    topic.name = "Familien und Kinder"
    topic.save()
    html, _queries = get(client, board.url)
    assert visible_text(html).count("Familien und Kinder") >= 3


def test_a_card_is_rendered_in_the_language_of_the_listing(client, languages, board):
    synchronise_trees()  # the notices' English aliases
    german, _queries = get(client, board.url)
    english, _queries = get(client, board.get_translation(languages["en"]).url)
    assert "Aushang seit" in visible_text(german)
    assert "Posted since" in visible_text(english)
    assert "German only" in visible_text(english)
    assert "Aushang seit" not in visible_text(english)


def test_a_series_card_shows_the_date_the_listing_is_about(client, event_index):
    with time_machine.travel(NOW, tick=False):
        series(
            event_index,
            berlin(2026, 9, 1, 15),
            title="Elterncafé",
            repeat=Repeat.WEEKLY,
            repeat_weekdays="TU",
        )
        upcoming, _queries = get(client, event_index.url)
        january, _queries = get(client, event_index.url, {"month": "2027-01"})
        again, _queries = get(client, event_index.url)
    assert "1. September 2026" in visible_text(upcoming)
    assert "5. Januar 2027" in visible_text(january)
    assert "5. Januar 2027" not in visible_text(again)
