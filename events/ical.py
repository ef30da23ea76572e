"""iCalendar (RFC 5545) for events, built with the ``icalendar`` library."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

from kupferstadt.i18n import text_language

from .choices import EventStatus

PRODID = "-//Kupferstadt Stolberg//Soziale Kupferstadt//DE"

ICAL_STATUS = {
    EventStatus.SAVE_THE_DATE: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def uid(event):
    """Stable for the life of the event: the translation key never changes."""
    return f"{event.translation_key}@soziale-kupferstadt.stolberg.de"


def plain_description(event):
    """Subtitle, leading questions and text paragraphs, without markup (no queries)."""
    parts = [event.subtitle] if event.subtitle else []
    parts += [f"– {block.value}" for block in event.leading_questions]
    for block in event.body.raw_data:
        if block["type"] == "paragraph":
            parts.append(" ".join(strip_tags(block["value"]).split()))
        elif block["type"] == "heading":
            parts.append(block["value"]["text"])
    return "\n\n".join(part for part in parts if part)


def vevent(event, request):
    component = Event()
    url = event.get_full_url(request)
    component.add("uid", uid(event))
    component.add("dtstamp", event.last_published_at or timezone.now())
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    if event.all_day:
        component.add("dtstart", event.local_start.date())
        last_day = (event.local_end or event.local_start).date()
        component.add("dtend", last_day + datetime.timedelta(days=1))
    else:
        component.add("dtstart", event.local_start)
        if event.end:
            component.add("dtend", event.local_end)
    # The language of the text (RFC 5545 LANGUAGE): a German original stands in where a
    # language's calendar has no translation of the event.
    language = {"LANGUAGE": text_language(event)}
    component.add("summary", event.title, parameters=language)
    description = plain_description(event)
    description = f"{description}\n\n{url}" if description else url
    component.add("description", description, parameters=language)
    if event.venue and event.status != EventStatus.MOVED_ONLINE:
        component.add("location", f"{event.venue.name}, {event.venue.full_address}")
        if event.venue.latitude is not None:
            component.add("geo", (float(event.venue.latitude), float(event.venue.longitude)))
    elif event.online_url:
        component.add("location", event.online_url)
    component.add("url", url)
    if topics := [topic.name for topic in event.topics.all()]:
        component.add("categories", topics)
    component.add("status", ICAL_STATUS.get(event.status, "CONFIRMED"))
    state = event.published_calendar_state
    component.add("sequence", state.sequence if state else 0)
    return component


def build_calendar(events, name, request):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Berlin")
    for event in events:
        calendar.add_component(vevent(event, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(request, events, name, filename):
    response = HttpResponse(
        build_calendar(events, name, request), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
