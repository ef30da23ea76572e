"""Every language a whole site: each listing, search, feed and calendar shows all current
content in every language, the translation where a published one exists, otherwise the
German original, marked as German (lang="de" dir="ltr", "nur auf Deutsch") inside the
visitor's language. Never wagtail-localize's aliases, never a page twice."""

import json
from xml.etree import ElementTree

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kupferstadt.demo.translations import translate
from kupferstadt.models import MachineTranslation, MachineTranslationState
from kupferstadt.translation import synchronise_trees

from ..factories import (
    EventPageFactory,
    NoticePageFactory,
    ProjectPageFactory,
    TopicFactory,
)

OTHER_LANGUAGES = ["en", "tr", "ar", "uk"]


@pytest.fixture
def content(pinnwand, event_index, leitbild, languages, django_capture_on_commit_callbacks):
    familie = TopicFactory(name="Familie", slug="familie")
    family = familie.copy_for_translation(languages["en"])
    family.name, family.slug = "Family", "family"
    family.save()
    initiative = ProjectPageFactory(parent=leitbild, title="Familiengerechte Kommune")
    cafe = NoticePageFactory(
        parent=pinnwand,
        title="Sprachcafé für Familien",
        slug="sprachcafe",
        topics=[familie],
        project=initiative,
    )
    NoticePageFactory(
        parent=pinnwand,
        title="Nähstube im Stadtteil",
        slug="naehstube",
        topics=[familie],
        project=initiative,
    )
    fest = EventPageFactory(parent=event_index, title="Sommerfest im Park", slug="sommerfest")
    EventPageFactory(parent=event_index, title="Bürgerversammlung", slug="versammlung")
    for page in (cafe, fest):
        page.save_revision().publish()
    synchronise_trees()
    english = languages["en"]
    # wagtail-localize publishes a translation once the transaction is committed.
    with django_capture_on_commit_callbacks(execute=True):
        translate(cafe, english, {"Sprachcafé für Familien": "Language café for families"})
        translate(fest, english, {"Sommerfest im Park": "Summer party in the park"})
    return {"cafe": cafe, "fest": fest, "initiative": initiative}


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser")


def card_titles(page, selector=".cards .card__title a"):
    """``{title: lang attribute or None}`` of the cards on a page."""
    return {link.text: link.get("lang") for link in page.select(selector)}


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_pinnwand_lists_as_many_notices_as_german_marking_the_german_ones(client, content, code):
    german = card_titles(soup(client.get("/de/pinnwand/")))
    page = soup(client.get(f"/{code}/pinnwand/"))
    other = card_titles(page)
    assert len(other) == len(german) == 2
    assert other["Nähstube im Stadtteil"] == "de"
    if code == "en":
        assert other == {"Language café for families": None, "Nähstube im Stadtteil": "de"}
    else:
        assert other == {"Sprachcafé für Familien": "de", "Nähstube im Stadtteil": "de"}
    assert page.html["lang"] == code
    marked = page.select('.cards a[lang="de"]')
    assert all(link["dir"] == "ltr" for link in marked)
    # The note "nur auf Deutsch" on every German card, none on a translated one.
    assert len(page.select(".cards .badge--language")) == len(marked)


@pytest.mark.parametrize("code", OTHER_LANGUAGES)
def test_calendar_and_home_page_list_as_many_items_as_german(client, content, code):
    events = card_titles(soup(client.get(f"/{code}/veranstaltungen/")))
    assert len(events) == len(card_titles(soup(client.get("/de/veranstaltungen/")))) == 2
    assert events["Bürgerversammlung"] == "de"
    home = soup(client.get(f"/{code}/"))
    german_home = soup(client.get("/de/"))
    assert len(card_titles(home)) == len(card_titles(german_home)) == 5


def test_a_translated_item_replaces_its_german_original(client, content):
    english = soup(client.get("/en/pinnwand/"))
    titles = card_titles(english)
    assert "Sprachcafé für Familien" not in titles
    assert titles["Language café for families"] is None
    assert english.select_one('.cards a[lang="de"]').text == "Nähstube im Stadtteil"


def test_pagination_counts_the_same_in_every_language(client, pinnwand, languages):
    for number in range(14):
        NoticePageFactory(parent=pinnwand, title=f"Aushang Nummer {number}")
    synchronise_trees()
    second = {
        code: card_titles(soup(client.get(f"/{code}/pinnwand/", {"page": 2})))
        for code in ["de", "ar"]
    }
    assert len(second["de"]) == len(second["ar"]) == 2
    assert set(second["de"]) == set(second["ar"])


def test_topic_filter_finds_german_originals_by_the_topics_translation(client, content):
    english = card_titles(soup(client.get("/en/pinnwand/", {"topic": "family"})))
    assert english == {"Language café for families": None, "Nähstube im Stadtteil": "de"}


def test_initiative_lists_its_notices_in_the_visitors_language(
    client, content, languages, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        english = translate(content["initiative"], languages["en"], {})
    titles = card_titles(soup(client.get(english.url)))
    assert titles == {"Language café for families": None, "Nähstube im Stadtteil": "de"}


def test_an_untranslated_initiative_lists_its_notices_as_one_german_text(client, content):
    page = soup(client.get("/ar/soziale-kupferstadt-2030/familiengerechte-kommune/"))
    german = page.select_one('main div[lang="de"]')
    assert card_titles(german) == {"Sprachcafé für Familien": None, "Nähstube im Stadtteil": None}


def test_feeds_carry_every_item_with_its_language(client, content):
    rss = client.get("/en/pinnwand/rss/").content.decode()
    parsed = feedparser.parse(rss)
    assert parsed.feed.language == "en"
    assert sorted(entry.title for entry in parsed.entries) == [
        "Language café for families",
        "Nähstube im Stadtteil",
    ]
    assert "<dc:language>de</dc:language>" in rss and "<dc:language>en</dc:language>" in rss
    atom = client.get("/ar/veranstaltungen/atom/").content.decode()
    entries = ElementTree.fromstring(atom).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == 2
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert {entry.get(xml_lang) for entry in entries} == {"de"}


def test_calendar_file_names_the_language_of_each_event(client, content):
    calendar = icalendar.Calendar.from_ical(client.get("/en/veranstaltungen/ical/").content)
    summaries = {
        str(event["summary"]): event["summary"].params["LANGUAGE"]
        for event in calendar.walk("VEVENT")
    }
    assert summaries == {"Summer party in the park": "en", "Bürgerversammlung": "de"}


def test_search_in_another_language_finds_german_originals_and_labels_them(client, content):
    # "Nähstube" is stemmed the German way for the German original.
    page = soup(client.get("/tr/suche/", {"q": "Nähstuben"}))
    result = page.select_one(".search-results h3 a")
    assert result.text == "Nähstube im Stadtteil"
    assert result["lang"] == "de"
    assert page.select_one(".search-results .badge--language")
    english = soup(client.get("/en/suche/", {"q": "café"}))
    assert [a.text for a in english.select(".search-results h3 a")] == [
        "Language café for families"
    ]


def test_search_topic_facet_counts_german_originals_under_the_visitors_topic(client, content):
    page = soup(client.get("/en/suche/", {"q": "Stadtteil familien"}))
    assert "Nähstube im Stadtteil" in page.text
    english = client.get("/en/suche/", {"q": "Nähstube", "topic": "family"})
    assert "Nähstube im Stadtteil" in soup(english).select_one(".search-results").text


def test_an_alias_page_reads_as_german_inside_the_visitors_language(client, content, pinnwand):
    pinnwand.show_in_menus = True
    pinnwand.save_revision().publish()  # Wagtail updates the aliases
    page = soup(client.get("/ar/pinnwand/naehstube/"))
    assert page.html["lang"] == "ar" and page.html["dir"] == "rtl"
    main = page.select_one("main")
    german = main.select_one('div[lang="de"]')
    assert german["dir"] == "ltr"
    assert german.select_one("h1").text == "Nähstube im Stadtteil"
    # Its labels are German too, so nothing Arabic sits inside the German part ...
    assert "Auf einen Blick" in german.text
    # ... and the visitor reads, in Arabic, that this is the German original.
    assert main.select_one(".notice-message").find_parent(attrs={"lang": "de"}) is None
    # Navigation and breadcrumbs name untranslated pages in German, marked.
    nav_links = page.select(".main-nav a[lang]")
    assert nav_links and {link["lang"] for link in nav_links} == {"de"}
    assert page.select_one('.breadcrumbs a[aria-current="page"]')["lang"] == "de"
    data = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    assert data[0]["inLanguage"] == "de"


def test_hreflang_names_only_real_translations(client, content):
    page = soup(client.get("/ar/pinnwand/naehstube/"))
    assert {link["hreflang"] for link in page.select('link[rel="alternate"][hreflang]')} == {
        "de",
        "x-default",
    }


def test_an_untranslated_listing_keeps_the_visitors_language_around_its_items(client, content):
    page = soup(client.get("/ar/pinnwand/"))
    heading = page.select_one("main h1 span")
    assert heading["lang"] == "de" and heading.text == "Pinnwand"
    # The filters are the page's own chrome: Arabic, not marked German.
    assert page.select_one("main form").find_parent(attrs={"lang": "de"}) is None


@pytest.mark.parametrize("path", ["/{}/pinnwand/", "/{}/veranstaltungen/", "/{}/"])
def test_other_languages_cost_the_same_queries_as_german(
    client,
    content,
    languages,
    home,
    pinnwand,
    event_index,
    django_capture_on_commit_callbacks,
    path,
):
    # The pages that frame the lists translated, as translators do first; their items
    # stay German originals. (An alias costs Wagtail's look-up of its original's page
    # privacy on top.)
    with django_capture_on_commit_callbacks(execute=True):
        for page in (home, pinnwand, event_index):
            translate(page, languages["ar"], {})

    def queries(code):
        client.get(path.format(code))  # warm per-process caches (site, content types)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(path.format(code)).status_code == 200
        return len(ctx.captured_queries)

    assert queries("ar") == queries("de")


def test_api_gives_german_by_default_and_other_languages_on_request(client, content):
    def titles(**params):
        response = client.get("/api/v2/pages/", {"type": "home.NoticePage", **params})
        assert response.status_code == 200
        return {item["title"] for item in response.json()["items"]}

    assert titles() == {"Sprachcafé für Familien", "Nähstube im Stadtteil"}
    assert titles(locale="en") == {"Language café for families"}
    assert titles(locale="tr") == set()
    assert client.get("/api/v2/pages/", {"locale": "xx"}).status_code == 400


def test_cards_say_when_the_machine_wrote_the_text(client, content, languages):
    english = content["cafe"].get_translation(languages["en"])
    MachineTranslation.objects.create(
        source=content["cafe"],
        locale=languages["en"],
        page=english,
        state=MachineTranslationState.PUBLISHED,
        engine="Dummy",
    )
    for path in ("/en/pinnwand/", "/en/", "/en/suche/?q=caf%C3%A9"):
        page = soup(client.get(path))
        link = page.find("a", string="Language café for families")
        card = link.find_parent("li")
        assert card.select_one(".badge--language").text == "machine-translated", path


@pytest.mark.parametrize("code", ["tr", "ar", "uk"])
def test_filters_offer_untranslated_topics_and_find_their_items(client, content, code):
    page = soup(client.get(f"/{code}/pinnwand/", {"topic": "familie"}))
    options = [option.text for option in page.select('select[name="topic"] option')]
    assert "Familie" in options
    assert not page.select(".errorlist")
    assert set(card_titles(page)) == {"Sprachcafé für Familien", "Nähstube im Stadtteil"}


def test_a_slug_shared_by_a_translation_and_an_untranslated_topic_is_no_error(
    client, content, languages
):
    # "Family" (the English "Familie") and an untranslated German topic share a slug.
    TopicFactory(name="Familienfreizeit", slug="family")
    response = client.get("/en/pinnwand/", {"topic": "family"})
    assert set(card_titles(soup(response))) == {
        "Language café for families",
        "Nähstube im Stadtteil",
    }


def test_initiatives_keep_the_german_order_in_every_language(
    client, leitbild, languages, django_capture_on_commit_callbacks
):
    first = ProjectPageFactory(parent=leitbild, title="Sozialbericht")
    ProjectPageFactory(parent=leitbild, title="Aktionsplan Inklusion")
    synchronise_trees()
    with django_capture_on_commit_callbacks(execute=True):
        translate(first, languages["en"], {"Sozialbericht": "Social report"})
    titles = list(card_titles(soup(client.get("/en/soziale-kupferstadt-2030/"))))
    assert titles == ["Social report", "Aktionsplan Inklusion"]


def test_german_search_finds_only_the_german_pages(client, content):
    """Neither another language's translation nor the aliases that mirror a German page
    in the other trees (same German text) turn up in a German search."""
    german = soup(client.get("/de/suche/", {"q": "Nähstube"}))
    assert [a.text for a in german.select(".search-results h3 a")] == ["Nähstube im Stadtteil"]
    assert [a["href"] for a in german.select(".search-results h3 a")] == ["/de/pinnwand/naehstube/"]
    assert not soup(client.get("/de/suche/", {"q": "Language"})).select(".search-results h3 a")
