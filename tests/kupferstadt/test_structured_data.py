"""JSON-LD (parsed with json), canonical URL, Open Graph and description on every page."""

import datetime
import json
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import EventPage, EventStatus

from ..factories import (
    EventPageFactory,
    NoticePageFactory,
    OrganisationFactory,
    ProjectPageFactory,
    StandardPageFactory,
)


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def of_type(html, schema_type):
    found = [item for item in json_ld(html) if schema_type in str(item["@type"])]
    assert found, f"no {schema_type} in {json_ld(html)}"
    return found[0]


@pytest.fixture
def forum(db):
    call_command("load_demo", notices=0, events=0, languages=False)
    return EventPage.objects.get(slug="fuenf-jahre-soziale-kupferstadt-2030")


def test_forum_is_a_schema_org_event(client, forum):
    event = of_type(client.get(forum.url).text, "Event")
    assert event["@context"] == "https://schema.org"
    assert event["name"] == "Fünf Jahre Soziale Kupferstadt 2030"
    assert event["startDate"] == "2020-05-13T17:00:00+02:00"
    assert event["endDate"] == "2020-05-13T21:00:00+02:00"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["address"] == {
        "@type": "PostalAddress",
        "streetAddress": "Cockerillstraße 90",
        "postalCode": "52222",
        "addressLocality": "Stolberg",
        "addressCountry": "DE",
    }
    assert event["organizer"]["name"] == "Kupferstadt Stolberg"
    assert event["url"] == "http://testserver" + forum.url
    assert event["inLanguage"] == "de"
    assert event["description"]


@pytest.mark.parametrize(
    "status, expected",
    [
        (EventStatus.CANCELLED, "EventCancelled"),
        (EventStatus.POSTPONED, "EventPostponed"),
        (EventStatus.MOVED_ONLINE, "EventMovedOnline"),
    ],
)
def test_event_status_is_mapped(client, event_index, status, expected):
    event = EventPageFactory(parent=event_index, status=status, online_url="https://meet.example")
    data = of_type(client.get(event.url).text, "Event")
    assert data["eventStatus"] == f"https://schema.org/{expected}"
    if status == EventStatus.MOVED_ONLINE:
        assert data["location"] == {"@type": "VirtualLocation", "url": "https://meet.example"}
        assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")


def test_moved_event_is_rescheduled_with_previous_start(client, event_index):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=10)
    event = EventPageFactory(parent=event_index, start=start)
    event.save_revision().publish()
    event.start = start + datetime.timedelta(days=7)
    event.end = event.start + datetime.timedelta(hours=2)
    event.save_revision().publish()
    data = of_type(client.get(event.url).text, "Event")
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert datetime.datetime.fromisoformat(data["previousStartDate"]) == start


def test_home_page_names_the_city_as_publisher(client, home):
    data = of_type(client.get(home.url).text, "WebSite")
    assert data["publisher"]["@type"] == "GovernmentOrganization"


def test_notice_and_initiative_types(client, pinnwand, leitbild):
    notice = NoticePageFactory(parent=pinnwand, provider=OrganisationFactory(name="Caritas"))
    article = of_type(client.get(notice.url).text, "Article")
    assert article["author"]["name"] == "Caritas"
    assert article["datePublished"] == notice.valid_from.isoformat()
    project = ProjectPageFactory(parent=leitbild)
    assert of_type(client.get(project.url).text, "Project")["name"] == project.title


def test_every_page_has_breadcrumbs_canonical_og_and_description(
    client, home, pinnwand, event_index, leitbild
):
    pages = [
        home,
        pinnwand,
        event_index,
        leitbild,
        NoticePageFactory(parent=pinnwand, teaser="Ein Angebot für Familien."),
        EventPageFactory(parent=event_index, subtitle="Für alle"),
        ProjectPageFactory(parent=leitbild, summary="Eine Initiative."),
        StandardPageFactory(parent=home, intro="Rechtliches."),
    ]
    for page in pages:
        html = client.get(page.url).text
        crumbs = of_type(html, "BreadcrumbList")["itemListElement"]
        assert crumbs[-1]["item"] == "http://testserver" + page.url
        assert crumbs[0]["item"] == "http://testserver/de/"
        assert f'<link rel="canonical" href="http://testserver{page.url}">' in html
        assert '<meta property="og:title"' in html
        assert f'<meta property="og:url" content="http://testserver{page.url}">' in html
        assert '<meta property="og:locale" content="de_DE">' in html
        if page.specific.meta_description():
            assert '<meta name="description" content="' in html


def test_markup_in_a_title_cannot_break_out_of_json_ld(client, pinnwand):
    notice = NoticePageFactory(parent=pinnwand, title="</script><script>alert(1)</script>")
    html = client.get(notice.url).text
    assert "<script>alert(1)</script>" not in html
    assert of_type(html, "Article")["name"] == "</script><script>alert(1)</script>"
