"""schema.org ``Event`` for an event page (https://schema.org/Event); a series carries its
rule as ``eventSchedule`` (https://schema.org/Schedule) and the dates of its next
occurrence."""

import datetime

from django.utils import timezone

from .choices import EventStatus, Repeat
from .recurrence import BERLIN, WEEKDAY_CODES, horizon_days

EVENT_STATUS = {
    EventStatus.SAVE_THE_DATE: "EventScheduled",
    EventStatus.SCHEDULED: "EventScheduled",
    EventStatus.POSTPONED: "EventPostponed",
    EventStatus.CANCELLED: "EventCancelled",
    EventStatus.MOVED_ONLINE: "EventMovedOnline",
}
# ISO 8601 durations of one step of the rule (P1W, P2W …), by the unit of ``Repeat``.
FREQUENCY_UNITS = {
    Repeat.DAILY: "D",
    Repeat.WEEKLY: "W",
    Repeat.MONTHLY_DAY: "M",
    Repeat.MONTHLY_WEEKDAY: "M",
}
SCHEMA_DAY_NAMES = {
    "MO": "Monday",
    "TU": "Tuesday",
    "WE": "Wednesday",
    "TH": "Thursday",
    "FR": "Friday",
    "SA": "Saturday",
    "SU": "Sunday",
}


def _date_or_time(value, all_day):
    return value.date().isoformat() if all_day else value.isoformat()


def next_occurrence(event, request):
    """The next occurrence of a series that takes place (a cancelled one is left out, it
    stands in ``exceptDate``), from the rows, or from the rule in a preview; None when the
    series has no date ahead."""
    preview = getattr(request, "is_preview", False)
    dates = event.next_dates(from_rule=preview)
    return next((slot for slot in dates if not slot.cancelled), None)


def _schedule(start, duration, all_day):
    """A ``Schedule`` with the times of ``start`` (a Berlin datetime)."""
    schedule = {"@type": "Schedule", "scheduleTimezone": "Europe/Berlin"}
    if not all_day:
        schedule["startTime"] = start.strftime("%H:%M:%S")
        if duration is not None:
            schedule["endTime"] = (start + duration).strftime("%H:%M:%S")
    return schedule


def _one_off(slot, all_day):
    """A date the rule does not give (an extra date, a moved occurrence, a date of a
    series without rule) as a ``Schedule`` that happens once."""
    start = timezone.localtime(slot.start, BERLIN)
    duration = slot.end - slot.start if slot.end else None
    schedule = _schedule(start, duration, all_day)
    day = start.date().isoformat()
    schedule.update(startDate=day, endDate=day, repeatCount=1)
    return schedule


def _rule_schedule(recurrence, all_day):
    first = timezone.localtime(recurrence.first_rule_start(), BERLIN)
    schedule = _schedule(first, recurrence.duration, all_day)
    schedule["repeatFrequency"] = (
        f"P{max(recurrence.interval, 1)}{FREQUENCY_UNITS[recurrence.repeat]}"
    )
    if recurrence.repeat == Repeat.WEEKLY:
        schedule["byDay"] = [_day(code) for code in recurrence.effective_weekdays]
    elif recurrence.repeat == Repeat.MONTHLY_DAY:
        schedule["byMonthDay"] = recurrence.start.day
    elif recurrence.repeat == Repeat.MONTHLY_WEEKDAY:
        schedule["byDay"] = _day(WEEKDAY_CODES[recurrence.start.weekday()])
        # 1 to 5, or -1 for "the last", as iCalendar's BYDAY=-1MO counts
        schedule["byMonthWeek"] = recurrence.nth
    schedule["startDate"] = first.date().isoformat()
    if recurrence.until:
        schedule["endDate"] = recurrence.until.isoformat()
    elif recurrence.count:
        schedule["repeatCount"] = recurrence.count
    return schedule


def event_schedule(recurrence, all_day):
    """The dates of a series as ``Schedule`` objects: one for the rule, one for each date
    ahead that the rule does not give (extra dates, moved occurrences). The rule's
    ``exceptDate`` lists the days ahead on which its date does not take place: excluded
    days, holidays, cancelled and moved occurrences."""
    now = timezone.now()
    horizon = now + datetime.timedelta(days=horizon_days())
    today = timezone.localdate(now)
    extra = set(recurrence.extra_starts(horizon))
    slots = [
        slot
        for slot in recurrence.occurrences(before=horizon)
        if timezone.localdate(max(slot.start, slot.original_start)) >= today
    ]
    schedules = []
    if recurrence.has_rule:
        rule = _rule_schedule(recurrence, all_day)
        removed = {start.date() for start in recurrence.removed_starts(horizon)}
        removed |= {
            timezone.localtime(slot.original_start, BERLIN).date()
            for slot in slots
            if (slot.cancelled or slot.moved) and slot.original_start not in extra
        }
        if excepted := sorted(day for day in removed if day >= today):
            rule["exceptDate"] = [day.isoformat() for day in excepted]
        schedules.append(rule)
    schedules += [
        _one_off(slot, all_day)
        for slot in slots
        if not slot.cancelled
        and (not recurrence.has_rule or slot.moved or slot.original_start in extra)
        and timezone.localdate(slot.start) >= today
    ]
    return schedules[0] if len(schedules) == 1 else schedules


def _day(code):
    return f"https://schema.org/{SCHEMA_DAY_NAMES[code]}"


def event_json_ld(event, request):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": event.get_full_url(request),
        "inLanguage": event.locale.language_code,
        "eventAttendanceMode": f"https://schema.org/{event.attendance_mode}",
    }
    # A series is announced at its next date (the page's own start is its first one).
    recurrence = event.recurrence
    when = next_occurrence(event, request) if recurrence.is_series else None
    start, end = (
        (when.local_start, when.local_end) if when else (event.local_start, event.local_end)
    )
    data["startDate"] = _date_or_time(start, event.all_day)
    if end:
        data["endDate"] = _date_or_time(end, event.all_day)
    if recurrence.is_series:
        data["eventSchedule"] = event_schedule(recurrence, event.all_day)
    status = EVENT_STATUS[event.status]
    state = event.published_calendar_state
    if status == "EventScheduled" and state and state.previous_start:
        status = "EventRescheduled"
        data["previousStartDate"] = state.previous_start.astimezone(
            event.local_start.tzinfo
        ).isoformat()
    data["eventStatus"] = f"https://schema.org/{status}"
    if description := event.meta_description():
        data["description"] = description
    locations = []
    if event.venue and event.status != EventStatus.MOVED_ONLINE:
        venue = event.venue
        place = {
            "@type": "Place",
            "name": venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": venue.street,
                "postalCode": venue.postal_code,
                "addressLocality": venue.city,
                "addressCountry": "DE",
            },
        }
        if venue.latitude is not None:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(venue.latitude),
                "longitude": float(venue.longitude),
            }
        locations.append(place)
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    if event.host:
        data["organizer"] = {"@type": "Organization", "name": event.host.name}
        if event.host.url:
            data["organizer"]["url"] = event.host.url
    if event.image:
        rendition = event.image.get_rendition("fill-1200x630")
        data["image"] = request.build_absolute_uri(rendition.url)
    return data
