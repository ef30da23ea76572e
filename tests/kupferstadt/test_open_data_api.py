"""The read-only open data API (Wagtail API v2): notices, events, initiatives."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from kupferstadt.api import german_message

from ..factories import (
    EventPageFactory,
    NoticePageFactory,
    ProjectPageFactory,
    TopicFactory,
    VenueFactory,
)


def api(client, **params):
    response = client.get("/api/v2/pages/", params)
    assert response["Content-Type"] == "application/json"
    return response


def titles(response):
    assert response.status_code == 200, response.content
    return {item["title"] for item in response.json()["items"]}


@pytest.fixture
def content(pinnwand, event_index, leitbild):
    familie = TopicFactory(name="Familie")
    today = timezone.localdate()
    NoticePageFactory(parent=pinnwand, title="Aktuell", topics=[familie])
    NoticePageFactory(
        parent=pinnwand,
        title="Abgelaufen",
        valid_from=today - datetime.timedelta(days=5),
        valid_until=today - datetime.timedelta(days=1),
    )
    NoticePageFactory(parent=pinnwand, title="Entwurf").unpublish()
    private = NoticePageFactory(parent=pinnwand, title="Intern")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    EventPageFactory(
        parent=event_index, title="Fest", topics=[familie], venue=VenueFactory(name="Rathaus")
    )
    EventPageFactory(
        parent=event_index, title="Gestern", start=timezone.now() - datetime.timedelta(days=1)
    )
    ProjectPageFactory(parent=leitbild, title="Familiengerechte Kommune", topics=[familie])


def test_notices_exclude_drafts_private_and_expired(client, content):
    assert titles(api(client, type="home.NoticePage")) == {"Aktuell"}


def test_event_fields_include_dates_venue_topics_and_status(client, content):
    response = api(
        client, type="events.EventPage", fields="start,end,status,venue,topics", upcoming="true"
    )
    (item,) = response.json()["items"]
    assert item["title"] == "Fest"
    assert item["status"] == "scheduled"
    assert datetime.datetime.fromisoformat(item["start"]).utcoffset() is not None
    assert item["venue"]["name"] == "Rathaus" and item["venue"]["postal_code"] == "52222"
    assert item["topics"] == [{"name": "Familie", "slug": "familie"}]


def test_past_events_filter(client, content):
    assert titles(api(client, type="events.EventPage", upcoming="false")) == {"Gestern"}


def test_topic_filter_spans_types(client, content):
    assert titles(api(client, topic="familie")) == {"Aktuell", "Fest", "Familiengerechte Kommune"}


def test_initiatives_endpoint(client, content):
    response = api(client, type="projects.ProjectPage", fields="summary,status,topics")
    (item,) = response.json()["items"]
    assert item["status"] == "running" and item["summary"]


@pytest.mark.parametrize(
    "params", [{"upcoming": "vielleicht"}, {"type": "gibt.EsNicht"}, {"unbekannt": "1"}]
)
def test_bad_parameters_are_a_readable_400(client, content, params):
    response = api(client, **params)
    assert response.status_code == 400
    assert "message" in response.json()


def test_api_is_read_only(client, content):
    assert client.post("/api/v2/pages/", {"title": "x"}).status_code == 405


@pytest.mark.parametrize(
    "params",
    [
        {"first_published_at": "2026-13-45"},
        {"first_published_at": ""},
        {"type": "events.EventPage", "start": "0001-01-01"},
        {"type": "home.NoticePage", "valid_from": "2026-02-30"},
        {"alias_of": "9" * 30},
        {"type": "home.NoticePage", "topics": "familie"},
        {"type": "events.EventPage", "venue": "-" + "9" * 30},
        {"offset": "9" * 30},
        {"search": "fest", "search_operator": "vielleicht"},
        {"topic": "familie\x00"},
        {"title": "Fest", "x\x00": "1"},
    ],
)
def test_values_no_database_takes_give_400_with_a_message(client, content, params):
    response = api(client, **params)
    assert response.status_code == 400
    assert response.json()["message"]


@pytest.mark.parametrize("page_id", ["", "abc", "1.5", "9" * 30, "-1", "\x00"])
def test_find_by_an_id_that_is_no_page_id_gives_400(client, content, page_id):
    response = client.get("/api/v2/pages/find/", {"id": page_id})
    assert response.status_code == 400
    assert response.json()["message"]


def test_field_filters_with_good_values_still_filter(client, content):
    today = timezone.localdate().isoformat()
    assert titles(api(client, type="home.NoticePage", valid_from=today)) == set()
    assert titles(api(client, type="home.NoticePage", region="city")) == {"Aktuell"}
    # The German value of before (old links) still filters the same.
    assert titles(api(client, type="home.NoticePage", region="stadt")) == {"Aktuell"}
    assert titles(api(client, type="events.EventPage", status="scheduled")) == {"Fest", "Gestern"}


@pytest.mark.parametrize(
    ("params", "message"),
    [
        # Ours.
        ({"upcoming": "vielleicht"}, "upcoming muss true oder false sein"),
        ({"type": "gibt.EsNicht"}, "Diesen Seitentyp gibt es nicht"),
        ({"offset": "9" * 30}, "offset darf höchstens 2147483647 sein"),
        (
            {"search": "fest", "search_operator": "vielleicht"},
            "search_operator muss and oder or sein",
        ),
        ({"topic": "familie\x00"}, "Nullzeichen sind in 'topic' nicht erlaubt"),
        (
            {"type": "home.NoticePage", "valid_from": "2026-02-30"},
            "„2026-02-30“ ist kein gültiger Wert für valid_from",
        ),
        # Wagtail's, reworded.
        ({"unbekannt": "1"}, "Unbekannte Parameter: unbekannt"),
        ({"fields": "gibtsnicht"}, "Unbekannte Felder: gibtsnicht"),
        ({"limit": "viele"}, "limit muss eine positive ganze Zahl sein"),
        ({"child_of": "abc"}, "child_of muss eine positive ganze Zahl sein"),
        ({"order": "gibtsnicht"}, "Nach „gibtsnicht“ kann nicht sortiert werden"),
    ],
)
def test_parameter_errors_are_explained_in_german(client, content, params, message):
    response = api(client, **params)
    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_find_by_a_wrong_id_is_explained_in_german(client, content):
    response = client.get("/api/v2/pages/find/", {"id": "abc"})
    assert response.status_code == 400
    assert response.json() == {"message": "id muss eine positive ganze Zahl sein"}


def test_an_unforeseen_wagtail_error_still_gets_a_german_message():
    assert german_message("some new complaint of Wagtail's") == "Ungültige Anfrage"
    assert german_message("limit cannot be higher than 20") == "limit darf höchstens 20 sein"


def test_search_finds_what_the_listing_shows_and_nothing_hidden(client, content):
    """The listing's rules reach into other tables, which the search index cannot filter:
    every search used to be refused with 400."""
    assert titles(api(client, search="Aktuell")) == {"Aktuell"}
    assert titles(api(client, type="home.NoticePage", search="Aktuell")) == {"Aktuell"}
    assert titles(api(client, type="events.EventPage", search="Fest")) == {"Fest"}
    for hidden in ("Abgelaufen", "Entwurf", "Intern"):
        assert titles(api(client, search=hidden)) == set()


def test_a_page_that_does_not_exist_is_a_404_of_the_api_not_a_redirect(client, content):
    response = client.get("/api/v2/pages/999999/")
    assert response.status_code == 404
    assert response.json() == {"message": "Diese Seite gibt es nicht"}
