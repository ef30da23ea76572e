"""The page an address leads to is kept in the site frame for the content version
(kupferstadt/routing.py): a later view reads it with the frame instead of querying the page
tables; a publish shows at once, and what one request computes on its page (the next dates
of a series) never reaches the next."""

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Repeat

from ..events.series_helpers import berlin, series
from ..factories import NoticePageFactory, OrganisationFactory, TopicFactory
from ..utils import visible_text

PAGE_TABLES = ('"wagtailcore_page"', '"home_noticepage"', '"events_eventpage"')


def view(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return visible_text(response.content.decode()), [q["sql"] for q in ctx.captured_queries]


def page_queries(queries):
    return [sql for sql in queries if sql.partition(" FROM ")[2].startswith(PAGE_TABLES)]


def test_a_later_view_reads_the_page_from_the_frame(client, pinnwand):
    notice = NoticePageFactory(
        parent=pinnwand, title="Elterncafé", provider=OrganisationFactory(name="Familienzentrum")
    )
    notice.topics.add(TopicFactory(name="Familie"))
    notice.save()
    first, first_queries = view(client, notice.url)  # builds the frame and the route
    second, second_queries = view(client, notice.url)  # loads the page once, keeps it
    third, third_queries = view(client, notice.url)
    assert "Familienzentrum" in third and "Familie" in third
    assert third == second == first
    assert page_queries(second_queries)
    assert page_queries(third_queries) == []


def test_a_published_change_shows_at_once(client, pinnwand):
    notice = NoticePageFactory(parent=pinnwand, title="Elterncafé")
    for _ in range(3):
        view(client, notice.url)
    notice.title = "Elterncafé am Mittwoch"
    notice.save_revision().publish()
    text, _queries = view(client, notice.url)
    assert "Elterncafé am Mittwoch" in text


def test_the_next_dates_of_a_kept_series_follow_the_clock(client, event_index):
    """Four minutes apart, within the frame's life: the Tuesday's date has ended."""
    with time_machine.travel(berlin(2026, 9, 1, 16, 58), tick=False):
        cafe = series(event_index, berlin(2026, 9, 1, 15), title="Elterncafé", repeat=Repeat.WEEKLY)
        for _ in range(3):
            before, _queries = view(client, cafe.url)
    with time_machine.travel(berlin(2026, 9, 1, 17, 2), tick=False):
        after, queries = view(client, cafe.url)
    assert page_queries(queries) == []
    assert "Di, 01.09.2026, 15:00" in before
    assert "Di, 01.09.2026, 15:00" not in after
    assert "Di, 10.11.2026, 15:00" in after and "Di, 10.11.2026, 15:00" not in before


def test_editors_get_their_page_fresh_from_the_database(admin_client, client, pinnwand):
    notice = NoticePageFactory(parent=pinnwand, title="Elterncafé")
    for _ in range(3):
        view(client, notice.url)
        view(admin_client, notice.url)
    _text, queries = view(admin_client, notice.url)
    assert page_queries(queries)
