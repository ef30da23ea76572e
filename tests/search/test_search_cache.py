"""A frequent search runs its full-text query once per content version: the matches are
kept under the page cache's generation, so the next publish shows at once, and every
search still counts for the search terms report."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.models import SearchTermLog

from ..factories import NoticePageFactory


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.KUPFERSTADT_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def search(client, query):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/de/suche/", {"q": query})
    assert response.status_code == 200
    full_text = [q for q in ctx.captured_queries if "wagtailsearch_indexentry" in q["sql"]]
    return [page.title for page in response.context["results"]], len(full_text)


def test_second_search_needs_no_full_text_query(client, pinnwand):
    NoticePageFactory(parent=pinnwand, title="Elterncafé am Markt")
    first, queries = search(client, "Elterncafé")
    assert first == ["Elterncafé am Markt"] and queries == 1
    again, queries = search(client, "Elterncafé")
    assert again == first and queries == 0


def test_a_publish_shows_in_the_next_search(client, pinnwand):
    NoticePageFactory(parent=pinnwand, title="Elterncafé am Markt")
    search(client, "Elterncafé")
    NoticePageFactory(parent=pinnwand, title="Elterncafé in Atsch")
    titles, queries = search(client, "Elterncafé")
    assert set(titles) == {"Elterncafé am Markt", "Elterncafé in Atsch"} and queries == 1


def test_an_unpublished_notice_is_gone_from_the_next_search(client, pinnwand):
    notice = NoticePageFactory(parent=pinnwand, title="Elterncafé am Markt")
    search(client, "Elterncafé")
    notice.unpublish()
    assert search(client, "Elterncafé")[0] == []


def test_every_search_is_counted(client, pinnwand):
    NoticePageFactory(parent=pinnwand, title="Elterncafé am Markt")
    for _ in range(3):
        search(client, "Elterncafé")
    assert SearchTermLog.objects.get().searches == 3
