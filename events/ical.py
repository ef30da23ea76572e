"""iCalendar (RFC 5545) for events, built with the ``icalendar`` library."""

import datetime

from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

from kupferstadt.i18n import text_language

from .choices import EventStatus
from .recurrence import BERLIN, Recurrence, horizon_days

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


def _when(value, all_day):
    """A start as iCal wants it: a date for whole-day events, else Berlin local time."""
    local = timezone.localtime(value, BERLIN)
    return local.date() if all_day else local


def add_series(component, event, recurrence):
    """RRULE, EXDATE and RDATE of a series: the rule, every date within the horizon that
    excluded dates and holidays remove, and the extra dates. DTSTART is the rule's first
    date (RFC 5545 wants DTSTART to match the rule)."""
    horizon = timezone.now() + datetime.timedelta(days=horizon_days())
    all_day = event.all_day
    first = recurrence.first_rule_start() if recurrence.has_rule else None
    start = first or timezone.localtime(event.start, BERLIN)
    component.add("dtstart", _when(start, all_day))
    if all_day:
        days = (recurrence.duration or datetime.timedelta()).days + 1
        component.add("dtend", _when(start, True) + datetime.timedelta(days=days))
    elif recurrence.duration is not None:
        component.add("dtend", start + recurrence.duration)
    if rule := recurrence.ical_rrule():
        if all_day and "UNTIL" in rule:
            rule["UNTIL"] = recurrence.until
        component.add("rrule", rule)
    if removed := recurrence.removed_starts(horizon):
        component.add("exdate", [_when(value, all_day) for value in removed])
    if extra := recurrence.extra_starts(horizon):
        component.add("rdate", [_when(value, all_day) for value in extra])


def override(event, recurrence, slot, series):
    """A VEVENT for one changed occurrence (RECURRENCE-ID): cancelled, moved or noted."""
    component = Event()
    for key in ("uid", "dtstamp", "summary", "location", "url", "sequence"):
        if key in series:
            component[key] = series[key]
    component.add("recurrence-id", _when(slot.original_start, event.all_day))
    component.add("dtstart", _when(slot.start, event.all_day))
    if slot.end and not event.all_day:
        component.add("dtend", _when(slot.end, False))
    elif event.all_day:
        days = (recurrence.duration or datetime.timedelta()).days + 1
        component.add("dtend", _when(slot.start, True) + datetime.timedelta(days=days))
    description = str(series.get("description", ""))
    if slot.note:
        description = f"{slot.note}\n\n{description}" if description else slot.note
    if description:
        component.add("description", description)
    status = "CANCELLED" if slot.cancelled else series.get("status", "CONFIRMED")
    component.add("status", status)
    return component


def vevents(event, request, school_holidays=None):
    """The VEVENT of an event; for a series also one per changed occurrence."""
    recurrence = Recurrence.from_page(event, school_holidays=school_holidays)
    component = vevent(event, request, recurrence)
    if not recurrence.is_series:
        return [component]
    horizon = timezone.now() + datetime.timedelta(days=horizon_days())
    return [component] + [
        override(event, recurrence, slot, component) for slot in recurrence.changed_slots(horizon)
    ]


def vevent(event, request, recurrence=None):
    component = Event()
    url = event.get_full_url(request)
    component.add("uid", uid(event))
    component.add("dtstamp", event.last_published_at or timezone.now())
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    recurrence = recurrence or event.recurrence
    if recurrence.is_series:
        add_series(component, event, recurrence)
    elif event.all_day:
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
    school_holidays = None
    for event in events:
        if school_holidays is None and event.skip_school_holidays:
            school_holidays = event.school_holiday_ranges()  # one query for all events
        for component in vevents(event, request, school_holidays):
            calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(request, events, name, filename):
    response = HttpResponse(
        build_calendar(events, name, request), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
