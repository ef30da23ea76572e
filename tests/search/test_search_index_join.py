"""Index entries are joined to pages by integer ids, so a frequent word at 10,000
notices costs little more than at 1,000 (timings: ``make bench``); what is found and in
which order stays exactly what Wagtail's own text join finds."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.backends.database import SearchBackend as WagtailDatabaseBackend
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from ..factories import EventPageFactory, NoticePageFactory, TopicFactory


def add_family_offers(pinnwand, event_index):
    familie = TopicFactory(name="Familie")
    NoticePageFactory(parent=pinnwand, title="Familientreff", topics=[familie])
    NoticePageFactory(parent=pinnwand, title="Beratung", teaser="Für Familien und Familie.")
    NoticePageFactory(parent=pinnwand, title="Computerkurs")
    EventPageFactory(parent=event_index, title="Familienfest", topics=[familie])


def ranked(backend, query):
    results = backend.search(query, Page.objects.live(), operator="and")
    return [(page.pk, page.title) for page in results.annotate_score("score")]


def test_search_sql_joins_index_entries_by_integer_id(client, pinnwand, event_index):
    add_family_offers(pinnwand, event_index)
    client.get("/de/suche/", {"q": "Familie"})  # warm per-process caches
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/de/suche/", {"q": "Familie"})
    assert response.context["results"].paginator.count == 3
    searches = [q["sql"] for q in ctx.captured_queries if "wagtailsearch_indexentry" in q["sql"]]
    if connection.vendor == "postgresql":
        # PostgreSQL can use the page table's primary key instead of hashing every
        # page's id as text.
        assert len(searches) == 1, searches
        assert '("wagtailsearch_indexentry"."object_id")::integer' in searches[0]
        assert "::varchar" not in searches[0]
    else:
        # SQLite matches through its FTS table with Wagtail's own backend, unchanged.
        assert type(get_search_backend()).__module__.startswith("modelsearch.backends.database")


def test_integer_join_finds_and_ranks_as_wagtails_text_join(pinnwand, event_index):
    add_family_offers(pinnwand, event_index)
    ours = get_search_backend()
    wagtails = WagtailDatabaseBackend({"SEARCH_CONFIG": "simple"})
    for query in ("famili", "computerkurs", "famili beratung", "gibtsnicht"):
        assert ranked(ours, query) == ranked(wagtails, query), query
    assert len(ranked(ours, "famili")) == 3


def test_autocomplete_finds_as_before(client, pinnwand, event_index):
    add_family_offers(pinnwand, event_index)
    response = client.get("/de/suche/vorschlaege/", {"q": "Famil"})
    titles = sorted(s["title"] for s in response.json()["suggestions"])
    assert titles == ["Familienfest", "Familientreff"]


def test_deleting_a_page_removes_its_index_entry(pinnwand):
    from wagtail.search.models import IndexEntry

    notice = NoticePageFactory(parent=pinnwand, title="Familientreff")
    entries = IndexEntry.objects.filter(object_id=str(notice.pk))
    assert entries.exists()
    notice.delete()
    assert not entries.exists()
