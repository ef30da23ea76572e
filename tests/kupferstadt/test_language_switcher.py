"""Every page links to itself in each language that has it, and to that language's home
page with a notice where it has not been translated yet; hreflang alternates in the page
and the sitemap; Arabic is right-to-left; dates in each language's format."""

import datetime
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from kupferstadt.demo.translations import translate
from kupferstadt.translation import synchronise_trees

from ..factories import EventPageFactory

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def forum(event_index, languages):
    event = EventPageFactory(
        parent=event_index,
        title="Forum Soziale Kupferstadt",
        slug="forum",
        start=datetime.datetime(2020, 5, 13, 17, tzinfo=BERLIN),
        end=datetime.datetime(2020, 5, 13, 21, tzinfo=BERLIN),
    )
    synchronise_trees()
    translate(
        event,
        languages["en"],
        {"Forum Soziale Kupferstadt": "Social Copper Town forum", "forum": "forum-en"},
    )
    return event


def switcher(response):
    assert response.status_code == 200
    nav = BeautifulSoup(response.text, "html.parser").select_one("nav.language-switcher")
    return {a["hreflang"]: a for a in nav.select("a")}


def test_switcher_links_the_translation_and_untranslated_languages_to_their_home(client, forum):
    links = switcher(client.get("/de/veranstaltungen/forum/"))
    assert links["de"]["href"] == "/de/veranstaltungen/forum/"
    assert links["de"]["aria-current"] == "true"
    assert links["en"]["href"] == "/en/veranstaltungen/forum-en/"
    assert links["en"].text == "English"
    assert links["tr"]["href"] == "/tr/?untranslated=1"
    assert links["ar"]["href"] == "/ar/?untranslated=1"
    assert links["ar"].text == "العربية"
    assert links["uk"]["href"] == "/uk/?untranslated=1"


def test_english_page_shows_translation_and_links_back_to_german(client, forum):
    response = client.get("/en/veranstaltungen/forum-en/")
    assert "Social Copper Town forum" in response.text
    assert '<html lang="en" dir="ltr">' in response.text
    links = switcher(response)
    assert links["de"]["href"] == "/de/veranstaltungen/forum/"
    assert "aria-current" in links["en"].attrs


def test_untranslated_language_gets_its_home_page_with_a_notice(client, forum):
    response = client.get("/tr/?untranslated=1")
    assert response.status_code == 200
    notice = BeautifulSoup(response.text, "html.parser").select_one("main .notice-message")
    assert "henüz" in notice.text  # Turkish: "not yet translated"
    assert "notice-message" not in client.get("/tr/").text


def test_old_german_parameter_still_shows_the_untranslated_notice(client, forum):
    response = client.get("/tr/?nicht-uebersetzt=1")
    assert response.status_code == 200
    notice = BeautifulSoup(response.text, "html.parser").select_one("main .notice-message")
    assert "henüz" in notice.text


def test_untranslated_page_alias_is_not_offered_as_translation(client, forum):
    # The Turkish tree mirrors the German page until it is translated.
    response = client.get("/tr/veranstaltungen/forum/")
    assert response.status_code == 200
    assert switcher(response)["tr"]["href"] == "/tr/?untranslated=1"


def test_hreflang_alternates_name_each_translation(client, forum):
    soup = BeautifulSoup(client.get("/de/veranstaltungen/forum/").text, "html.parser")
    alternates = {
        link["hreflang"]: link["href"]
        for link in soup.select('head link[rel="alternate"][hreflang]')
    }
    assert alternates == {
        "de": "http://testserver/de/veranstaltungen/forum/",
        "en": "http://testserver/en/veranstaltungen/forum-en/",
        "x-default": "http://testserver/de/veranstaltungen/forum/",
    }


def test_search_page_switches_to_the_same_search_in_another_language(client, languages):
    links = switcher(client.get("/de/suche/?q=Forum"))
    assert links["en"]["href"] == "/en/suche/?q=Forum"
    assert links["ar"]["href"] == "/ar/suche/?q=Forum"


def test_sitemap_lists_translations_with_hreflang(client, forum):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = {url.find("s:loc", ns).text: url for url in root.findall("s:url", ns)}
    assert "http://testserver/en/veranstaltungen/forum-en/" in urls
    # The Turkish alias shows German text: not listed.
    assert "http://testserver/tr/veranstaltungen/forum/" not in urls
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in urls["http://testserver/de/veranstaltungen/forum/"].findall("x:link", ns)
    }
    assert alternates == {
        "de": "http://testserver/de/veranstaltungen/forum/",
        "en": "http://testserver/en/veranstaltungen/forum-en/",
    }


def test_arabic_pages_are_right_to_left(client, forum):
    response = client.get("/ar/veranstaltungen/forum/")
    assert '<html lang="ar" dir="rtl">' in response.text


def test_dates_follow_the_language(client, forum):
    assert "13. Mai 2020" in client.get("/de/veranstaltungen/forum/").text
    assert "13 May 2020" in client.get("/en/veranstaltungen/forum-en/").text


def test_page_not_found_links_each_language_home_without_hreflang(client, forum):
    """A 404 has no translations: no alternates, and the typed address (perhaps a
    draft's slug) is not repeated in other languages."""
    response = client.get("/de/veranstaltungen/entwurf-geheim/")
    assert response.status_code == 404
    soup = BeautifulSoup(response.text, "html.parser")
    assert not soup.select('link[rel="alternate"][hreflang]')
    links = {a["hreflang"]: a["href"] for a in soup.select("nav.language-switcher a")}
    assert links["en"].startswith("/en/") and "entwurf-geheim" not in links["en"]
    assert "entwurf-geheim" not in response.text.replace("/de/veranstaltungen/entwurf-geheim/", "")
