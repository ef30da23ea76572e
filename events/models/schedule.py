"""When and where an event takes place, as its page, the calendar, the feeds and the
structured data read it."""

import datetime
import hashlib

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..choices import EventStatus
from ..recurrence import Recurrence
from .calendar_state import EventCalendarState


class EventScheduleMixin:
    """Date, time and place of an ``EventPage``: the rules every listing and calendar
    shares, kept apart from the page's fields and panels."""

    def schedule_errors(self):
        """The editor's mistakes in when and where, by field; drops the end of an
        open-end event."""
        errors = {}
        if self.open_end:
            self.end = None
        elif self.end is None:
            errors["end"] = _("Bitte geben Sie ein Ende an oder wählen Sie „Ende offen“.")
        if self.start and self.end:
            if self.all_day:
                if timezone.localtime(self.end).date() < timezone.localtime(self.start).date():
                    errors["end"] = _("Der letzte Tag darf nicht vor dem ersten Tag liegen.")
            elif self.end <= self.start:
                errors["end"] = _("Das Ende muss nach dem Beginn liegen.")
        if self.status == EventStatus.MOVED_ONLINE and not self.online_url:
            errors["online_url"] = _("Bitte geben Sie den Online-Link an.")
        if not self.venue_id and not self.online_url:
            errors["venue"] = _(
                "Bitte wählen Sie einen Veranstaltungsort oder geben Sie einen Online-Link an."
            )
        return errors

    def save(self, *args, **kwargs):
        if self.all_day and self.start:
            # Whole-day events run from the first day's start to the last day's end,
            # so listings and calendars treat them alike.
            first = timezone.localtime(self.start).date()
            last = timezone.localtime(self.end).date() if self.end else first
            tz = timezone.get_current_timezone()
            self.start = datetime.datetime.combine(first, datetime.time.min, tzinfo=tz)
            self.end = datetime.datetime.combine(last, datetime.time(23, 59, 59), tzinfo=tz)
            self.open_end = False
        super().save(*args, **kwargs)

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end) if self.end else None

    @property
    def is_multi_day(self):
        return bool(self.end and self.local_end.date() != self.local_start.date())

    @property
    def is_past(self):
        """The same rule as ``EventPage.objects.past()``, for one loaded event."""
        now = timezone.localtime()
        if self.end:
            return self.end < now
        return self.local_start.date() < now.date()

    @property
    def attendance_mode(self):
        """schema.org attendance mode: offline, online or mixed."""
        online = bool(self.online_url) or self.status == EventStatus.MOVED_ONLINE
        if online and self.venue_id and self.status != EventStatus.MOVED_ONLINE:
            return "MixedEventAttendanceMode"
        return "OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"

    @property
    def published_calendar_state(self):
        """The calendar state recorded at the last publish, or None before the first."""
        try:
            return self.calendar_state
        except EventCalendarState.DoesNotExist:
            return None

    def calendar_fingerprint(self):
        """What subscribed calendars must hear about: time, place, status and the rule of a
        series with its extra and excluded dates and changed occurrences."""
        parts = [self.start, self.end, self.all_day, self.venue_id, self.online_url, self.status]
        recurrence = self.recurrence
        if recurrence.is_series:
            parts += [
                recurrence.rrule_string(),
                recurrence.skip_public_holidays,
                recurrence.skip_school_holidays,
                recurrence.extra_dates,
                sorted(recurrence.excluded_dates),
                sorted(recurrence.changes.items()),
            ]
        return hashlib.sha256(repr(parts).encode()).hexdigest()

    @property
    def recurrence(self):
        """The dates of this event as a ``Recurrence`` (events/recurrence.py), built from
        the fields as they are now (a preview or an unsaved form included). While the page
        is served, the one read by ``serve_recurrence()`` is reused: page, JSON-LD and
        print read the inline dates once."""
        served = getattr(self, "_served_recurrence", None)
        return served if served is not None else Recurrence.from_page(self)

    def serve_recurrence(self):
        """Reads the rule and its inline dates once for the rest of this request."""
        self._served_recurrence = Recurrence.from_page(self)
        self._served_next_dates = {}
        return self._served_recurrence

    @property
    def is_series(self):
        return self.recurrence.is_series

    def series_sentence(self):
        """The rule in German words without reading the inline dates (no query; for
        cards in listings); "" for an event without a rule."""
        return Recurrence.from_page(self, relations=False).sentence()

    @property
    def listing_start(self):
        """The date a listing shows: the next occurrence when the queryset annotated it
        (``with_next_occurrence()``), else the event's own start."""
        next_start = getattr(self, "next_start", None)
        return timezone.localtime(next_start) if next_start else self.local_start

    @property
    def listing_end(self):
        if getattr(self, "next_start", None):
            return timezone.localtime(self.next_end) if self.next_end else None
        return self.local_end

    def next_dates(self, limit=10, from_rule=False):
        """The next dates still running (rows or ``Slot`` objects, the same attributes),
        for the page and the print view: from the rows of the live page, or from the rule
        for a preview (``from_rule``) or a page without rows."""
        served = getattr(self, "_served_next_dates", None)
        if served is not None and (limit, from_rule) in served:
            return served[(limit, from_rule)]
        dates = None
        if self.pk and self.live and not from_rule:
            dates = list(self.occurrences.upcoming().order_by("start")[:limit])
        dates = dates or self.recurrence.next_slots(limit=limit)
        if served is not None:
            served[(limit, from_rule)] = dates
        return dates

    def share_lines(self):
        when = date_format(self.local_start, "l") + ", " + date_format(self.local_start)
        if not self.all_day:
            when += ", " + date_format(self.local_start, "H:i")
            if self.end and not self.is_multi_day:
                when += " – " + date_format(self.local_end, "H:i")
            when += " " + gettext("Uhr")
        return [self.title, when, str(self.place)]

    @property
    def place(self):
        """Where to go, in one line: the venue with its address, or "Online"."""
        if self.venue:
            return f"{self.venue.name}, {self.venue.full_address}"
        return _("Online")
