"""What keeps search fast as content grows: a constant number of queries per search,
an index on the matched document, and generated content indexed in bulk.

The timings themselves are measured by ``make bench``, never here."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.stemming import _stemmer

from ..factories import EventPageFactory, NoticePageFactory, TopicFactory


def queries_for(client, params):
    client.get("/de/suche/", params)  # warm per-process caches (site, content types)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/de/suche/", params)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def add_family_offers(pinnwand, event_index, count, topic, first=0):
    for number in range(first, first + count):
        NoticePageFactory(parent=pinnwand, title=f"Familientreff {number}", topics=[topic])
        EventPageFactory(parent=event_index, title=f"Familienfest {number}", topics=[topic])


@pytest.mark.parametrize(
    "params",
    [
        {"q": "Familie"},
        {"q": "Familie", "type": "notices"},
        {"q": "Familie", "type": "events"},
        {"q": "Familie", "topic": "familie", "page": "2"},
        {"q": "Gibtsnicht"},
    ],
    ids=["all", "notices", "events", "topic-page-2", "no-hits"],
)
def test_search_queries_do_not_grow_with_matches(client, pinnwand, event_index, params):
    topic = TopicFactory(name="Familie")
    add_family_offers(pinnwand, event_index, 2, topic)
    few = queries_for(client, params)
    add_family_offers(pinnwand, event_index, 25, topic, first=2)
    # Results are fetched with one query per page type on the result page, so a page
    # that happens to hold fewer types may need one query less, never more.
    assert queries_for(client, params) <= few


def test_result_count_needs_no_extra_query(client, pinnwand, event_index):
    """The number of hits comes from the type facet; the backend is not asked to count."""
    add_family_offers(pinnwand, event_index, 3, TopicFactory(name="Familie"))
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/de/suche/", {"q": "Familie"})
    assert response.context["results"].paginator.count == 6
    assert not [q for q in ctx.captured_queries if "COUNT(*)" in q["sql"]]


def test_matched_document_is_indexed_for_the_backend_in_use(db):
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexdef FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry'"
            )
            definitions = [row[0] for row in cursor.fetchall()]
            assert any("gin" in d and "(title || body)" in d for d in definitions), definitions
        else:
            # SQLite matches through the FTS5 table Wagtail keeps beside the entries.
            tables = connection.introspection.table_names(cursor)
            assert "wagtailsearch_indexentry_fts" in tables


def test_postgresql_planner_may_use_the_index(db):
    """With PostgreSQL's default page cost the planner scans every index entry instead."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW random_page_cost")
            assert float(cursor.fetchone()[0]) == 1.1
        else:
            assert "options" not in connection.settings_dict.get("OPTIONS", {})


def test_generated_samples_are_indexed_in_bulk_and_found(client, db):
    call_command("load_demo", notices=12, events=3, verbosity=0)
    response = client.get("/de/suche/", {"q": "Hausaufgabenhilfe", "type": "notices"})
    titles = [page.title for page in response.context["results"]]
    # Of the twelve samples only number 3 is a "Hausaufgabenhilfe".
    assert len(titles) == 1 and titles[0].startswith("Beispiel: Hausaufgabenhilfe")
    assert titles[0].endswith("Nr. 3")
    assert client.get("/de/suche/", {"q": "Stadtteilfest"}).context["results"].paginator.count


def test_stems_come_from_the_compiled_snowball_stemmer():
    """PyStemmer runs the same Snowball algorithm in C, about a thousand times faster."""
    assert type(_stemmer("de")).__module__ == "Stemmer"


def test_search_engines_without_sql_get_the_same_topics(pinnwand, event_index, home):
    """OpenSearch/Elasticsearch results cannot join topics in SQL; the topics are then
    read separately and must come out the same."""
    from wagtail.models import Locale

    from search.engine import SiteSearch

    familie, bildung = TopicFactory(name="Familie"), TopicFactory(name="Bildung")
    NoticePageFactory(parent=pinnwand, title="Familientreff", topics=[familie, bildung])
    NoticePageFactory(parent=pinnwand, title="Beratung für Familien")
    EventPageFactory(parent=event_index, title="Familienfest", topics=[familie])
    search = SiteSearch(query="Familie", locale=Locale.get_default())
    in_sql = search._rows
    separately = search._rows_with_topics(list({(pk, ct) for pk, ct, _t in in_sql}))
    assert len(in_sql) == 4  # two topics, one without, one event topic
    assert sorted(in_sql, key=str) == sorted(separately, key=str)


def test_postgresql_connections_compile_no_query_just_in_time(db):
    """JIT compilation took 130 ms for a report query of 15 ms at 10,000 notices."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW jit")
            assert cursor.fetchone()[0] == "off"
        else:
            assert "options" not in connection.settings_dict.get("OPTIONS", {})
