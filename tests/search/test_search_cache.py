"""A frequent search costs little: anonymous visitors get the search page from the page
cache, and other pages and filters of the same query reuse its list of matches; both are
kept under the page cache's generation, so the next publish shows at once, and every
search still counts for the search terms report."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.models import SearchTermLog

from ..factories import NoticePageFactory

pytestmark = pytest.mark.usefixtures("page_cache")


def search(client, query):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/de/suche/", {"q": query})
    assert response.status_code == 200
    full_text = [q for q in ctx.captured_queries if "wagtailsearch_indexentry" in q["sql"]]
    return [page.title for page in response.context["results"]], len(full_text)


def search_page(client, params):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/de/suche/", params)
    assert response.status_code == 200
    return response.content.decode(), ctx.captured_queries


def test_second_search_comes_from_the_page_cache(client, pinnwand):
    NoticePageFactory(parent=pinnwand, title="Elterncafé am Markt")
    first, _queries = search_page(client, {"q": "Elterncafé"})
    again, queries = search_page(client, {"q": "Elterncafé"})
    assert again == first and "Elterncafé am Markt" in again
    # Only the count for the search terms report reaches the database.
    assert [q["sql"].split()[0] for q in queries] == ["UPDATE"]


def test_other_filters_of_a_query_reuse_its_matches(client, pinnwand):
    NoticePageFactory(parent=pinnwand, title="Elterncafé am Markt")
    first, queries = search(client, "Elterncafé")
    assert first == ["Elterncafé am Markt"] and queries == 1
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/de/suche/", {"q": "Elterncafé", "type": "notices"})
    assert [page.title for page in response.context["results"]] == first
    assert not [q for q in ctx.captured_queries if "wagtailsearch_indexentry" in q["sql"]]


def test_a_publish_shows_in_the_next_search(client, pinnwand):
    NoticePageFactory(parent=pinnwand, title="Elterncafé am Markt")
    search(client, "Elterncafé")
    NoticePageFactory(parent=pinnwand, title="Elterncafé in Atsch")
    titles, queries = search(client, "Elterncafé")
    assert set(titles) == {"Elterncafé am Markt", "Elterncafé in Atsch"} and queries == 1
    page, _queries = search_page(client, {"q": "Elterncafé"})
    assert "Elterncafé in Atsch" in page


def test_an_unpublished_notice_is_gone_from_the_next_search(client, pinnwand):
    notice = NoticePageFactory(parent=pinnwand, title="Elterncafé am Markt")
    search(client, "Elterncafé")
    notice.unpublish()
    assert search(client, "Elterncafé")[0] == []


def test_every_search_is_counted_also_from_the_cache(client, pinnwand):
    NoticePageFactory(parent=pinnwand, title="Elterncafé am Markt")
    for _ in range(3):
        search_page(client, {"q": "Elterncafé"})
    for _ in range(2):
        search_page(client, {"q": "Gibtsnicht"})
    counts = {log.term: (log.searches, log.zero_hits) for log in SearchTermLog.objects.all()}
    assert counts == {"elterncafé": (3, 0), "gibtsnicht": (2, 2)}
