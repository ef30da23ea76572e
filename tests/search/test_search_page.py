"""Site search that understands German, on SQLite and PostgreSQL alike."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, PageViewRestriction

from search.engine import SiteSearch
from search.models import SearchTermLog
from search.stemming import stems

from ..factories import (
    DistrictFactory,
    EventPageFactory,
    NoticePageFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectPageFactory,
    StandardPageFactory,
    TopicFactory,
    VenueFactory,
)


def found(client, query, **params):
    response = client.get("/de/suche/", {"q": query, **params})
    assert response.status_code == 200
    results = response.context.get("results")
    return [page.title for page in results] if results is not None else []


@pytest.fixture
def content(home, pinnwand, event_index, leitbild):
    familie = TopicFactory(name="Familie")
    bildung = TopicFactory(name="Bildung")
    NoticePageFactory(parent=pinnwand, title="Projekt Nachbarschaftshilfe", topics=[familie])
    NoticePageFactory(
        parent=pinnwand,
        title="Sprechstunde",
        teaser="Beratung für Senioren, Straße der Einheit 5.",
        provider=OrganisationFactory(name="Caritasverband"),
        districts=[DistrictFactory(name="Münsterbusch")],
        contacts=[PersonFactory(name="Hanna Beispielfrau")],
        topics=[bildung],
    )
    EventPageFactory(
        parent=event_index,
        title="Veranstaltung im Museum",
        venue=VenueFactory(name="Industriemuseum Zinkhütter Hof", street="Cockerillstraße 90"),
        topics=[familie],
    )
    ProjectPageFactory(parent=leitbild, title="Aktionsplan Inklusion", summary="Teilhabe für alle.")
    StandardPageFactory(parent=home, title="Impressum", intro="Angaben zum Anbieter.")
    return {"familie": familie, "bildung": bildung}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("Projekte", "Projekt Nachbarschaftshilfe"),
        ("Veranstaltungen", "Veranstaltung im Museum"),
        ("Strasse", "Sprechstunde"),
        ("Zinkhuetter", "Veranstaltung im Museum"),
        ("ZINKHÜTTER", "Veranstaltung im Museum"),
        ("inklusion", "Aktionsplan Inklusion"),
        ("Beratung Senioren", "Sprechstunde"),
        ("Cockerillstrasse", "Veranstaltung im Museum"),  # venue address
        ("Caritasverband", "Sprechstunde"),  # provider
        ("Münsterbusch", "Sprechstunde"),  # district
        ("Beispielfrau", "Sprechstunde"),  # contact
        ("Bildung", "Sprechstunde"),  # topic name
    ],
)
def test_german_search_finds_what_people_type(client, content, query, expected):
    assert expected in found(client, query)


def test_stemming_is_applied_to_english_content():
    assert stems("events", "en") == stems("event", "en") == ["event"]


def test_only_the_current_language_is_searched(client, content, home):
    english = Locale.objects.get_or_create(language_code="en")[0]
    page = StandardPageFactory(parent=home, title="Events for families", locale=english)
    assert "Events for families" not in found(client, "events")
    results = SiteSearch(query="event", locale=english).results()
    assert [p.title for p in results] == [page.title]


def test_only_live_public_and_current_notices(client, content, pinnwand):
    NoticePageFactory(parent=pinnwand, title="Projekt Entwurf").unpublish()
    private = NoticePageFactory(parent=pinnwand, title="Projekt Intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    today = timezone.localdate()
    NoticePageFactory(
        parent=pinnwand,
        title="Projekt Abgelaufen",
        valid_from=today - datetime.timedelta(days=9),
        valid_until=today - datetime.timedelta(days=1),
    )
    assert found(client, "Projekt") == ["Projekt Nachbarschaftshilfe"]
    assert set(found(client, "Projekt", archive="1")) == {
        "Projekt Nachbarschaftshilfe",
        "Projekt Abgelaufen",
    }


def test_index_follows_publish_unpublish_and_move(client, content, pinnwand, home):
    notice = NoticePageFactory(parent=pinnwand, title="Tauschbörse")
    notice.save_revision().publish()
    assert found(client, "Tauschbörse") == ["Tauschbörse"]
    notice.unpublish()
    assert found(client, "Tauschbörse") == []
    page = StandardPageFactory(parent=home, title="Umzugshilfe")
    page.move(StandardPageFactory(parent=home, title="Hilfen"), pos="last-child")
    response = client.get("/de/suche/", {"q": "Umzugshilfe"})
    assert "/de/hilfen/umzugshilfe/" in response.text


def test_update_index_rebuilds_from_scratch(client, content):
    call_command("update_index", verbosity=0)
    assert "Veranstaltung im Museum" in found(client, "Zinkhuetter")


def test_facets_count_per_type_and_topic(client, content):
    response = client.get("/de/suche/", {"q": "Familie"})
    types = {facet["key"]: facet["count"] for facet in response.context["type_counts"]}
    assert types == {"notices": 1, "events": 1, "initiatives": 0, "pages": 0}
    topics = {f["topic"].name: f["count"] for f in response.context["topic_counts"]}
    assert topics == {"Familie": 2}


def test_facet_filters_combine_with_the_query(client, content):
    assert found(client, "Familie", type="events") == ["Veranstaltung im Museum"]
    assert found(client, "Familie", topic="familie", type="notices") == [
        "Projekt Nachbarschaftshilfe"
    ]
    assert found(client, "Familie", topic="bildung") == []


def test_upcoming_events_come_first(client, event_index):
    now = timezone.now()
    EventPageFactory(
        parent=event_index, title="Treffen alt", start=now - datetime.timedelta(days=30)
    )
    EventPageFactory(
        parent=event_index, title="Treffen bald", start=now + datetime.timedelta(days=2)
    )
    EventPageFactory(
        parent=event_index, title="Treffen später", start=now + datetime.timedelta(days=20)
    )
    assert found(client, "Treffen", type="events") == [
        "Treffen bald",
        "Treffen später",
        "Treffen alt",
    ]


def test_result_shows_type_date_highlight_and_path(client, content, pinnwand):
    NoticePageFactory(
        parent=pinnwand, title="Kochkurs", teaser="Gemeinsam <b>kochen</b> für Familien."
    )
    html = client.get("/de/suche/", {"q": "Familien"}).text
    assert "Aushang" in html
    assert "<mark>Familien</mark>" in html
    assert "kochen" in html and "<b>kochen</b>" not in html  # no markup from content
    hostile = client.get("/de/suche/", {"q": "<script>alert(1)</script>"}).text
    assert "<script>alert(1)" not in hostile and "&lt;script&gt;alert(1)" in hostile
    assert "/de/pinnwand/kochkurs/" in html
    event_html = client.get("/de/suche/", {"q": "Museum"}).text
    assert "Veranstaltung ·" in event_html and " Uhr" in event_html


def test_promoted_results_come_first(client, content, home):
    impressum = home.get_children().get(title="Impressum")
    SearchPromotion.objects.create(
        query=Query.get("familie"), page=impressum, sort_order=0, description="Siehe hier."
    )
    html = client.get("/de/suche/", {"q": "Familie"}).text
    assert "Empfehlung" in html
    assert html.index("Siehe hier.") < html.index("Projekt Nachbarschaftshilfe")


def test_no_hits_suggest_topics_pinnwand_and_popular_terms(client, content, pinnwand):
    found(client, "Familie")
    found(client, "Familie")
    html = client.get("/de/suche/", {"q": "Quasselstrippe"}).text
    assert "Zu „Quasselstrippe“ haben wir nichts gefunden." in html
    assert 'href="/de/pinnwand/?topic=familie"' in html
    assert 'href="/de/pinnwand/"' in html
    assert "Häufig gesucht" in html and "?q=familie" in html


def test_searches_are_logged_for_the_editors_report(client, admin_user, content):
    found(client, "Familie")
    found(client, "Quasselstrippe")
    found(client, "Quasselstrippe")
    frequent, missing = SearchTermLog.report()
    assert {row["term"]: row["total"] for row in frequent} == {"familie": 1, "quasselstrippe": 2}
    assert [row["term"] for row in missing] == ["quasselstrippe"]
    client.force_login(admin_user)
    report = client.get("/admin/suchanfragen/")
    assert report.status_code == 200
    assert "quasselstrippe" in report.text and "Ohne Treffer" in report.text


def test_report_is_for_editors_only(client, content):
    assert client.get("/admin/suchanfragen/").status_code == 302


def test_autocomplete_returns_json_suggestions(client, content):
    response = client.get("/de/suche/vorschlaege/", {"q": "Sprech"})
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["suggestions"][0]["title"] == "Sprechstunde"
    assert data["suggestions"][0]["url"] == "/de/pinnwand/sprechstunde/"
    assert client.get("/de/suche/vorschlaege/", {"q": "\x00<"}).json()["suggestions"] == []


def test_header_search_box_works_without_javascript(client, content):
    html = client.get("/de/").text
    assert 'action="/de/suche/" method="get" role="search"' in html
    assert 'data-autocomplete-url="/de/suche/vorschlaege/"' in html
    assert "search/autocomplete.js" in html


BAD_QUERIES = [
    "",
    "   ",
    "a" * 10_000,
    *list("\"&|!():*'\\-"),
    '"Familie" & (Projekt | !Inklusion) : * \' \\ -',
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "Familie\x00\x01\x1f\x7f",
    "%",
    "_",
]


@pytest.mark.parametrize("query", BAD_QUERIES, ids=range(len(BAD_QUERIES)))
def test_bad_queries_give_a_normal_page(client, content, query):
    response = client.get("/de/suche/", {"q": query, "page": "-1", "type": "x", "topic": "y"})
    assert response.status_code == 200
    assert "Traceback" not in response.text


def test_long_query_is_cut_with_a_message(client, content):
    response = client.get("/de/suche/", {"q": "Familie " * 2000})
    assert "Ihr Suchbegriff war sehr lang und wurde gekürzt." in response.text


def test_query_without_words_asks_for_words(client, content):
    response = client.get("/de/suche/", {"q": "()*!"})
    assert "Bitte geben Sie einen Suchbegriff mit Buchstaben oder Ziffern ein." in response.text


def test_invalid_utf8_in_the_url(client, content):
    response = client.get("/de/suche/?q=%ff%fe%00Familie&page=abc")
    assert response.status_code == 200


def test_unknown_filters_are_reported(client, content):
    html = client.get("/de/suche/", {"q": "Familie", "type": "rezepte", "topic": "kochen"}).text
    assert "Die Art „rezepte“ gibt es nicht" in html
    assert "Das Thema „kochen“ gibt es nicht" in html


def test_nul_in_a_filter_is_reported_as_unknown_not_sent_to_the_database(client, content):
    # PostgreSQL refuses NUL characters in a query; on SQLite they came back in the page.
    response = client.get("/de/suche/?q=Familie&topic=familie%00&type=events%00")
    assert response.status_code == 200
    assert "\x00" not in response.text
    assert "Das Thema „familie\ufffd“ gibt es nicht" in response.text
    assert "Die Art „events\ufffd“ gibt es nicht" in response.text
