"""Every public page costs at most 12 SQL queries without the page cache (once the site
frame of the content version is built), and no more as the content grows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.choices import Repeat
from events.models import EventIndexPage

from ..factories import (
    AudienceFactory,
    DistrictFactory,
    EventPageFactory,
    NoticePageFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectPageFactory,
    StandardPageFactory,
    TopicFactory,
)

BUDGET = 12


def count(client, url):
    client.get(url)  # builds the frame of this content version
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


@pytest.fixture
def site(home, pinnwand, leitbild, event_index):
    for title in ("Über uns", "Kontakt"):
        StandardPageFactory(parent=home, title=title, show_in_menus=True)
    return home


def grow(pinnwand, leitbild, notices, projects, events=0):
    from kupferstadt.models import Topic

    topic = Topic.objects.filter(slug="familie").first() or TopicFactory(
        name="Familie", slug="familie"
    )
    for _ in range(notices):
        NoticePageFactory(
            parent=pinnwand,
            topics=[topic, TopicFactory()],
            districts=[DistrictFactory()],
            audiences=[AudienceFactory()],
            contacts=[PersonFactory()],
            provider=OrganisationFactory(),
        )
    for _ in range(projects):
        ProjectPageFactory(parent=leitbild, topics=[topic], districts=[DistrictFactory()])
    calendar = pinnwand.get_parent().get_children().type(EventIndexPage).first().specific
    for number in range(events):
        # Weekly series and single events alike: both are rows in the calendar.
        repeat = Repeat.WEEKLY if number % 2 else Repeat.NONE
        EventPageFactory(parent=calendar, topics=[topic], repeat=repeat)


def urls(site, pinnwand, leitbild):
    from events.models import EventIndexPage, EventPage
    from home.models import NoticePage
    from projects.models import ProjectPage

    return {
        "home": site.url,
        "pinnwand": pinnwand.url,
        "pinnwand-filtered": pinnwand.url + "?topic=familie&region=stadt&page=1",
        "pinnwand-archive": pinnwand.url + "archiv/",
        "notice": NoticePage.objects.live().first().url,
        "leitbild": leitbild.url,
        "initiative": ProjectPage.objects.live().first().url,
        "search": "/de/suche/?q=Aushang",
        "rss": pinnwand.url + "rss/",
        "atom": pinnwand.url + "atom/",
        "calendar": EventIndexPage.objects.live().first().url,
        "calendar-filtered": EventIndexPage.objects.live().first().url + "?topic=familie",
        "calendar-ical": EventIndexPage.objects.live().first().url + "ical/",
        "calendar-month": EventIndexPage.objects.live().first().url
        + "monat/"
        + (timezone.localdate() + datetime.timedelta(days=7)).strftime("%Y-%m/"),
        "calendar-week": EventIndexPage.objects.live().first().url + "?when=woche",
        "event": EventPage.objects.live().filter(repeat=Repeat.WEEKLY).first().url,
        "event-ical": EventPage.objects.live().filter(repeat=Repeat.WEEKLY).first().url + "ical/",
    }


def test_every_public_page_stays_within_twelve_queries_as_content_grows(
    client, site, pinnwand, leitbild
):
    # At least as many events as the home page shows (three): with fewer, a weekly series
    # fills the home page's window of occurrence rows, and one more query groups the rows
    # to be sure no event was missed (``first_by_next_occurrence``; tested on its own in
    # tests/events/test_first_by_next_occurrence.py).
    grow(pinnwand, leitbild, notices=2, projects=1, events=4)
    few = {name: count(client, url) for name, url in urls(site, pinnwand, leitbild).items()}
    grow(pinnwand, leitbild, notices=15, projects=6, events=12)
    many = {name: count(client, url) for name, url in urls(site, pinnwand, leitbild).items()}
    assert {name: n for name, n in many.items() if n > BUDGET} == {}
    assert many == few
