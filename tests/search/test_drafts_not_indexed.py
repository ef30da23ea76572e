"""Only what is published can be found: saving a draft leaves the search index and the
autocomplete as they were, publishing it brings in its words."""

import pytest

from ..factories import EventPageFactory, NoticePageFactory, StandardPageFactory


def found(client, query):
    response = client.get("/de/suche/", {"q": query})
    assert response.status_code == 200
    return (
        [page.title for page in response.context["results"]]
        if "results" in response.context
        else []
    )


def suggested(client, query):
    response = client.get("/de/suche/vorschlaege/", {"q": query})
    assert response.status_code == 200
    return [suggestion["title"] for suggestion in response.json()["suggestions"]]


@pytest.fixture(params=["notice", "event", "page"])
def page(request, pinnwand, event_index, home):
    """A published page of each kind the search finds; notices and events index their
    related names a second time after saving (SitePage.save)."""
    if request.param == "notice":
        return NoticePageFactory(parent=pinnwand, title="Alphakurs Nähen", teaser="Alphatext")
    if request.param == "event":
        return EventPageFactory(parent=event_index, title="Alphakurs Nähen")
    return StandardPageFactory(parent=home, title="Alphakurs Nähen")


def save_draft(page):
    page.title = "Betakurs Stricken"
    page.save_revision()


def test_a_draft_is_not_found_and_the_live_text_still_is(client, page):
    save_draft(page)
    assert found(client, "Betakurs") == []
    assert found(client, "Alphakurs") == ["Alphakurs Nähen"]


def test_autocomplete_suggests_the_live_title_not_the_draft(client, page):
    save_draft(page)
    assert suggested(client, "Betak") == []
    assert suggested(client, "Alphak") == ["Alphakurs Nähen"]


def test_publishing_the_draft_makes_its_words_findable(client, page):
    save_draft(page)
    page.get_latest_revision().publish()
    assert found(client, "Betakurs") == ["Betakurs Stricken"]
    assert found(client, "Alphakurs") == []
    assert suggested(client, "Betak") == ["Betakurs Stricken"]


def test_a_draft_with_new_topics_does_not_change_what_a_notice_is_found_by(client, pinnwand):
    from ..factories import TopicFactory

    notice = NoticePageFactory(parent=pinnwand, title="Elterncafé", teaser="Kaffee")
    notice.topics = [TopicFactory(name="Geheimthema")]
    notice.save_revision()
    assert found(client, "Geheimthema") == []
    assert found(client, "Elterncafé") == ["Elterncafé"]
