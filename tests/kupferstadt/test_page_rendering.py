"""Every page type renders for citizens with one h1, landmarks and its content."""

import datetime
import re

import pytest
from django.utils import timezone

from ..factories import (
    EventPageFactory,
    NoticePageFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectPageFactory,
    StandardPageFactory,
    TopicFactory,
)


def assert_accessible_skeleton(html):
    assert len(re.findall(r"<h1[ >]", html)) == 1
    assert '<main id="main"' in html
    assert 'class="skip-link" href="#main"' in html
    assert "<nav" in html and "<footer" in html
    # Nothing is loaded from another host.
    assert not re.search(r'(src|href)="(https?:)?//(?!testserver)', html.split("<main")[0])


@pytest.fixture
def content(home, pinnwand, event_index, leitbild):
    topic = TopicFactory(name="Familie")
    person = PersonFactory(name="Erika Muster", role="Familienberatung")
    project = ProjectPageFactory(
        parent=leitbild, title="Familiengerechte Kommune", topics=[topic], contacts=[person]
    )
    event = EventPageFactory(
        parent=event_index,
        title="Familienfest",
        subtitle="Für alle",
        topics=[topic],
        related_projects=[project],
    )
    notice = NoticePageFactory(
        parent=pinnwand,
        title="Elterncafé",
        provider=OrganisationFactory(name="Familienzentrum"),
        topics=[topic],
        contacts=[person],
        event=event,
        project=project,
    )
    standard = StandardPageFactory(parent=home, title="Impressum")
    return locals()


@pytest.mark.parametrize(
    "key, expected",
    [
        ("home", "Neu auf der Pinnwand"),
        ("pinnwand", "Elterncafé"),
        ("notice", "Familienzentrum"),
        ("event_index", "Familienfest"),
        ("event", "Für alle"),
        ("leitbild", "Familiengerechte Kommune"),
        ("project", "Familienfest"),
        ("standard", "Impressum"),
    ],
)
def test_every_page_type_renders(client, content, key, expected):
    response = client.get(content[key].url)
    assert response.status_code == 200
    assert expected in response.text
    assert_accessible_skeleton(response.text)


def test_breadcrumbs_lead_from_home_to_the_page(client, content):
    html = client.get(content["notice"].url).text
    crumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert 'href="/de/"' in crumbs and 'href="/de/pinnwand/"' in crumbs
    assert 'aria-current="page"' in crumbs


def test_notice_page_shows_contacts_and_linked_event(client, content):
    html = client.get(content["notice"].url).text
    assert "Erika Muster" in html and "Familienberatung" in html
    assert content["event"].url in html
    assert content["project"].url in html


def test_project_page_lists_its_events_and_notices_automatically(client, content):
    html = client.get(content["project"].url).text
    assert content["event"].url in html
    assert content["notice"].url in html


def test_archive_routes_render(client, content):
    assert client.get("/de/pinnwand/archiv/").status_code == 200
    assert client.get("/de/veranstaltungen/archiv/").status_code == 200


def test_event_without_programme_says_it_follows(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        programme_note="Das Programm kommt im März.",
        start=timezone.now() + datetime.timedelta(days=3),
    )
    html = client.get(event.url).text
    assert "Das Programm folgt." in html
    assert "Das Programm kommt im März." in html
