"""Search, listings, feeds and the open data API show the current language's content
only: translations in their language, never the aliases that mirror German pages in a
language's tree until they are translated."""

import feedparser
import pytest
from bs4 import BeautifulSoup

from kupferstadt.demo.translations import translate
from kupferstadt.translation import synchronise_trees

from ..factories import EventPageFactory, NoticePageFactory, TopicFactory


@pytest.fixture
def content(pinnwand, event_index, languages, django_capture_on_commit_callbacks):
    familie = TopicFactory(name="Familie", slug="familie")
    family = familie.copy_for_translation(languages["en"])
    family.name, family.slug = "Family", "family"
    family.save()
    cafe = NoticePageFactory(
        parent=pinnwand, title="Sprachcafé für Familien", slug="sprachcafe", topics=[familie]
    )
    NoticePageFactory(parent=pinnwand, title="Nähstube im Stadtteil", slug="naehstube")
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
    return {"cafe": cafe, "fest": fest}


def texts(response, selector="main"):
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser").select_one(selector).text


def test_pinnwand_lists_the_current_languages_notices_only(client, content):
    english = texts(client.get("/en/pinnwand/"))
    assert "Language café for families" in english
    assert "Sprachcafé" not in english and "Nähstube" not in english
    german = texts(client.get("/de/pinnwand/"))
    assert "Sprachcafé für Familien" in german and "Nähstube im Stadtteil" in german
    assert "Language café" not in german


def test_translated_notice_carries_the_topics_of_its_language(client, content):
    english = texts(client.get("/en/pinnwand/", {"topic": "family"}))
    assert "Language café for families" in english
    assert "There is no topic" not in english


def test_calendar_lists_the_current_languages_events_only(client, content):
    english = texts(client.get("/en/veranstaltungen/"))
    assert "Summer party in the park" in english
    assert "Sommerfest" not in english and "Bürgerversammlung" not in english
    german = texts(client.get("/de/veranstaltungen/"))
    assert "Sommerfest im Park" in german and "Summer party" not in german


def test_home_page_shows_the_current_languages_content(client, content):
    english = texts(client.get("/en/"))
    assert "Language café for families" in english
    assert "Nähstube" not in english


def test_feeds_carry_the_current_languages_items(client, content):
    english = feedparser.parse(client.get("/en/pinnwand/rss/").content)
    assert [entry.title for entry in english.entries] == ["Language café for families"]
    assert english.feed.language == "en"
    events = feedparser.parse(client.get("/en/veranstaltungen/atom/").content)
    assert [entry.title for entry in events.entries] == ["Summer party in the park"]


def test_search_finds_the_current_languages_pages(client, content):
    english = texts(client.get("/en/suche/", {"q": "café"}))
    assert "Language café for families" in english
    assert "Sprachcafé" not in english
    german = texts(client.get("/de/suche/", {"q": "Sprachcafé"}))
    assert "Sprachcafé für Familien" in german
    assert "Language café" not in german
    assert "Nähstube im Stadtteil" not in texts(client.get("/en/suche/", {"q": "Nähstube"}))


def test_api_gives_german_by_default_and_other_languages_on_request(client, content):
    def titles(**params):
        response = client.get("/api/v2/pages/", {"type": "home.NoticePage", **params})
        assert response.status_code == 200
        return {item["title"] for item in response.json()["items"]}

    assert titles() == {"Sprachcafé für Familien", "Nähstube im Stadtteil"}
    assert titles(locale="en") == {"Language café for families"}
    assert titles(locale="tr") == set()
    assert client.get("/api/v2/pages/", {"locale": "xx"}).status_code == 400
