"""iCalendar output, parsed with the icalendar library (RFC 5545)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from events.models import EventCalendarState, EventPage, EventStatus

from ..factories import EventPageFactory, ProjectPageFactory, TopicFactory, VenueFactory

BERLIN = ZoneInfo("Europe/Berlin")


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content, Calendar.from_ical(response.content)


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


@pytest.fixture
def forum(db):
    call_command("load_demo", notices=0, events=0, languages=False)
    return EventPage.objects.get(slug="fuenf-jahre-soziale-kupferstadt-2030")


def test_forum_ics_matches_the_seed(client, forum):
    raw, calendar = fetch(client, forum.url + "ical/")
    text = raw.decode()
    assert "DTSTART;TZID=Europe/Berlin:20200513T170000" in text
    assert "DTEND;TZID=Europe/Berlin:20200513T210000" in text
    (event,) = vevents(calendar)
    assert "Cockerillstraße 90" in event["LOCATION"] and "52222 Stolberg" in event["LOCATION"]
    assert event["SUMMARY"] == "Fünf Jahre Soziale Kupferstadt 2030"
    assert event["STATUS"] == "TENTATIVE"  # Save the date
    assert event["URL"] == "http://testserver" + forum.url
    assert "(Wie) Kann man das Soziale vor Ort planen und gestalten?" in event["DESCRIPTION"]
    assert "<" not in event["DESCRIPTION"]
    assert [str(c) for c in event["CATEGORIES"].cats] == ["Sozialplanung"]
    for key in ("DTSTAMP", "UID", "SEQUENCE", "LAST-MODIFIED"):
        assert key in event


def test_vtimezone_matches_and_handles_both_seasons(client, forum):
    _, calendar = fetch(client, forum.url + "ical/")
    (tz,) = calendar.walk("VTIMEZONE")
    assert tz["TZID"] == "Europe/Berlin"
    assert {c.name for c in tz.subcomponents} == {"STANDARD", "DAYLIGHT"}
    winter = EventPageFactory(
        parent=forum.get_parent(), start=datetime.datetime(2026, 1, 15, 18, tzinfo=BERLIN)
    )
    (event,) = vevents(fetch(client, winter.url + "ical/")[1])
    assert event.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=1)
    (summer,) = vevents(fetch(client, forum.url + "ical/")[1])
    assert summer.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=2)


def test_uid_is_stable_across_downloads_and_publishes(client, forum):
    first = vevents(fetch(client, forum.url + "ical/")[1])[0]["UID"]
    assert vevents(fetch(client, forum.url + "ical/")[1])[0]["UID"] == first
    forum.title = "Fünf Jahre Soziale Kupferstadt 2030 (neu)"
    forum.save_revision().publish()
    forum.save_revision().publish()
    assert vevents(fetch(client, forum.url + "ical/")[1])[0]["UID"] == first


def test_sequence_rises_when_time_place_or_status_change(client, forum):
    def sequence():
        return vevents(fetch(client, forum.url + "ical/")[1])[0]["SEQUENCE"]

    start = sequence()
    forum.title = "Nur der Titel ändert sich"
    forum.save_revision().publish()
    assert sequence() == start
    forum.refresh_from_db()
    forum.start += datetime.timedelta(hours=1)
    forum.end += datetime.timedelta(hours=1)
    forum.save_revision().publish()
    assert sequence() == start + 1
    forum.refresh_from_db()
    forum.venue = VenueFactory()
    forum.save_revision().publish()
    assert sequence() == start + 2


def test_cancelled_event_stays_in_the_feed_as_cancelled(client, forum):
    forum.status = EventStatus.CANCELLED
    forum.save_revision().publish()
    (event,) = vevents(fetch(client, forum.url + "ical/")[1])
    assert event["STATUS"] == "CANCELLED"
    assert event["SEQUENCE"] >= 1


def test_whole_day_and_open_end_events(client, event_index):
    day = timezone.localdate() + datetime.timedelta(days=10)
    start = datetime.datetime.combine(day, datetime.time(9), tzinfo=BERLIN)
    whole = EventPageFactory(
        parent=event_index, start=start, end=start + datetime.timedelta(days=2), all_day=True
    )
    open_end = EventPageFactory(parent=event_index, start=start, end=None, open_end=True)
    (event,) = vevents(fetch(client, whole.url + "ical/")[1])
    assert event.decoded("DTSTART") == day
    assert event.decoded("DTEND") == day + datetime.timedelta(days=3)  # exclusive
    assert "DTSTART;VALUE=DATE:" in event.to_ical().decode()
    (event,) = vevents(fetch(client, open_end.url + "ical/")[1])
    assert "DTEND" not in event


def test_text_is_escaped_and_lines_are_folded(client, event_index):
    venue = VenueFactory(latitude="50.770168", longitude="6.225836")
    title = "Sprechstunde; Fragen, Antworten \\ und mehr " + "sehr lang " * 10
    event = EventPageFactory(parent=event_index, title=title, venue=venue)
    raw, calendar = fetch(client, event.url + "ical/")
    assert vevents(calendar)[0]["SUMMARY"] == title
    assert "Sprechstunde\\; Fragen\\, Antworten \\\\ und" in raw.decode()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert "GEO:50.770168;6.225836" in raw.decode()


def test_index_calendar_has_upcoming_and_last_90_days(client, event_index):
    now = timezone.now()
    EventPageFactory(parent=event_index, title="Kommt", start=now + datetime.timedelta(days=5))
    EventPageFactory(parent=event_index, title="Neulich", start=now - datetime.timedelta(days=30))
    EventPageFactory(
        parent=event_index, title="Lange her", start=now - datetime.timedelta(days=200)
    )
    titles = {str(e["SUMMARY"]) for e in vevents(fetch(client, event_index.url + "ical/")[1])}
    assert titles == {"Kommt", "Neulich"}


def test_topic_and_initiative_calendars(client, event_index, leitbild):
    familie = TopicFactory(name="Familie")
    project = ProjectPageFactory(parent=leitbild)
    EventPageFactory(parent=event_index, title="Familienfest", topics=[familie])
    EventPageFactory(parent=event_index, title="Projekttreffen", related_projects=[project])
    by_topic = vevents(fetch(client, event_index.url + "ical/?topic=familie")[1])
    assert [str(e["SUMMARY"]) for e in by_topic] == ["Familienfest"]
    by_project = vevents(fetch(client, project.url + "ical/")[1])
    assert [str(e["SUMMARY"]) for e in by_project] == ["Projekttreffen"]


def test_pages_link_their_calendars(client, event_index, leitbild):
    project = ProjectPageFactory(parent=leitbild)
    event = EventPageFactory(parent=event_index, related_projects=[project])
    index_html = client.get(event_index.url).text
    assert 'href="webcal://testserver/de/veranstaltungen/ical/' in index_html
    assert 'type="text/calendar"' in index_html
    assert f'href="{event.url}ical/"' in client.get(event.url).text
    assert "Zum Kalender hinzufügen" in client.get(event.url).text
    assert f"webcal://testserver{project.url}ical/" in client.get(project.url).text


def test_calendar_feed_queries_do_not_grow_with_events(client, event_index):
    topic, venue = TopicFactory(), VenueFactory()

    def add(count):
        for _ in range(count):
            event = EventPageFactory(parent=event_index, topics=[topic], venue=venue)
            # what a publish records, without the cost of 200 revisions
            EventCalendarState.objects.create(
                event=event, fingerprint="x", published_start=event.start, sequence=1
            )

    def queries():
        client.get(event_index.url + "ical/")
        with CaptureQueriesContext(connection) as ctx:
            client.get(event_index.url + "ical/")
        return len(ctx.captured_queries)

    add(10)
    ten = queries()
    add(190)
    assert queries() == ten
