"""The month view of the calendar: one month's occurrence rows laid out as weeks from
Monday to Sunday, and the same days as a list for narrow screens. Pure layout: the rows
are read by ``EventIndexPage.month_rows()`` in one query."""

import calendar
import dataclasses
import datetime
import re

from django.utils import timezone
from django.utils.translation import gettext as _

from .filters import FIRST_YEAR, LAST_YEAR, in_calendar_years, month_span
from .recurrence import BERLIN

MONTH_PATTERN = re.compile(r"(\d{4})-(\d{2})")


class BadMonth(ValueError):
    """An address whose month the calendar does not have; the German message says why."""


def parse_month(value):
    """The first day of the month written as ``YYYY-MM`` (e.g. "2026-09"), or ``BadMonth``."""
    match = MONTH_PATTERN.fullmatch(value)
    if not match:
        raise BadMonth(
            _(
                "„%(value)s“ ist kein Monat. Bitte geben Sie ihn in der Form JJJJ-MM an, "
                "z. B. 2026-05."
            )
            % {"value": value[:20]}
        )
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12 or not FIRST_YEAR <= year <= LAST_YEAR:
        raise BadMonth(
            _("Den Monat „%(value)s“ gibt es im Kalender nicht (%(first)s-01 bis %(last)s-12).")
            % {"value": value, "first": FIRST_YEAR, "last": LAST_YEAR}
        )
    return datetime.date(year, month, 1)


def neighbours(first_day):
    """The first days of the month before and after, None beyond the calendar's years."""
    before = (first_day - datetime.timedelta(days=1)).replace(day=1)
    after = (first_day + datetime.timedelta(days=32)).replace(day=1)
    return (
        before if in_calendar_years(before) else None,
        after if in_calendar_years(after) else None,
    )


@dataclasses.dataclass
class Entry:
    """One occurrence on one day: where it starts, a later day of a multi-day event, or
    the day an occurrence was moved away from (``moved_away``)."""

    row: object
    starts_today: bool = True
    ends_today: bool = True
    moved_away: bool = False
    html: str = ""  # rendered by the view (events/includes/month_entry.html)

    @property
    def event(self):
        return self.row.event

    @property
    def cancelled(self):
        return self.row.cancelled or self.row.event.status == "cancelled"

    @property
    def all_day(self):
        return self.row.event.all_day

    @property
    def start(self):
        return timezone.localtime(self.row.start, BERLIN)

    @property
    def end(self):
        return timezone.localtime(self.row.end, BERLIN) if self.row.end else None

    @property
    def original_start(self):
        return timezone.localtime(self.row.original_start, BERLIN)


@dataclasses.dataclass
class Day:
    date: datetime.date
    in_month: bool
    is_today: bool
    entries: list


def _days_of(row):
    """The days an occurrence touches: from its first to its last (an end at midnight
    belongs to the day before)."""
    first = timezone.localtime(row.start, BERLIN).date()
    if not row.end or row.end <= row.start:
        return first, first
    last = timezone.localtime(row.end - datetime.timedelta(microseconds=1), BERLIN).date()
    return first, max(first, last)


def month_grid(first_day, rows, today=None):
    """The weeks of the month of ``first_day`` (lists of seven ``Day``), Monday first,
    with the entries of ``rows`` (occurrences touching the month, soonest first; moved
    ones also at the day they were moved away from)."""
    today = today or timezone.localdate(timezone=BERLIN)
    month_start, month_end = month_span(first_day)
    entries = {}
    for row in rows:
        if row.moved:
            original = timezone.localtime(row.original_start, BERLIN).date()
            if month_start.date() <= original < month_end.date():
                entries.setdefault(original, []).append(Entry(row, moved_away=True))
        if row.start >= month_end or (row.end or row.start) < month_start:
            continue  # only its original date lies in this month
        first, last = _days_of(row)
        day = max(first, month_start.date())
        while day <= last and day < month_end.date():
            entries.setdefault(day, []).append(
                Entry(row, starts_today=day == first, ends_today=day == last)
            )
            day += datetime.timedelta(days=1)
    weeks = calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(
        first_day.year, first_day.month
    )
    return [
        [
            Day(
                date=day,
                in_month=day.month == first_day.month,
                is_today=day == today,
                entries=entries.get(day, []) if day.month == first_day.month else [],
            )
            for day in week
        ]
        for week in weeks
    ]
