"""The dates of an event, single or series: pure functions and a value object, no database
writes. The rule arithmetic is ``dateutil.rrule``; public holidays come from the
``holidays`` library (Nordrhein-Westfalen); school holidays are passed in as date ranges.

Times are Europe/Berlin wall-clock times: the rule runs on naive local datetimes and every
date is made aware on its own, so a 15:00 series stays at 15:00 across daylight saving.

The interface the month view, filters, JSON-LD, feeds, the API and the print view build on:

- ``Recurrence.from_page(page)``: the value object of an ``EventPage`` (saved or not; the
  inline dates are read from the page's in-memory relations, as a preview has them).
- ``.is_series``: more than one date is possible (a rule or extra dates).
- ``.sentence()``: the rule in German words, e.g. "wöchentlich am Dienstag, 15:00–17:00
  Uhr, bis 30.06.2027, außer an Feiertagen" ("" for a single event).
- ``.occurrences(after=None, before=None)``: ``Slot`` objects whose original start lies in
  [after, before), extra dates included, excluded dates and holidays removed, changes of
  single occurrences applied (cancelled ones are kept with ``cancelled=True``).
- ``.next_slots(now=None, limit=10)``: the next occurrences still running.
- ``.rows(now=None)``: what ``EventOccurrence`` stores (see ``events.models.occurrence``).
- ``.errors(now=None)``: the editor's mistakes by field name (German messages).
- For iCalendar: ``.ical_rrule()`` / ``.rrule_string()``, ``.first_rule_start()``,
  ``.removed_starts(before)`` (EXDATE), ``.extra_starts(before)`` (RDATE) and
  ``.changed_slots(before)`` (RECURRENCE-ID overrides).
"""

import dataclasses
import datetime
import functools
import itertools
from zoneinfo import ZoneInfo

import holidays
from dateutil import rrule
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from . import recurrence_words
from .choices import Repeat, Weekday

BERLIN = ZoneInfo("Europe/Berlin")
UTC = datetime.UTC
WEEKDAY_CODES = list(Weekday.values)  # MO … SU, in the order of date.weekday()
RRULE_WEEKDAYS = dict(zip(WEEKDAY_CODES, rrule.weekdays, strict=True))
FREQUENCIES = {
    Repeat.DAILY: rrule.DAILY,
    Repeat.WEEKLY: rrule.WEEKLY,
    Repeat.MONTHLY_DAY: rrule.MONTHLY,
    Repeat.MONTHLY_WEEKDAY: rrule.MONTHLY,
}
# Past occurrences of a series kept as rows for the archive (a single event keeps its row).
ARCHIVE_DAYS = 90
ICAL_FREQUENCIES = {rrule.DAILY: "DAILY", rrule.WEEKLY: "WEEKLY", rrule.MONTHLY: "MONTHLY"}


def max_occurrences():
    return getattr(settings, "KUPFERSTADT_MAX_OCCURRENCES", 1000)


def horizon_days():
    return getattr(settings, "KUPFERSTADT_OCCURRENCE_HORIZON_DAYS", 548)


@functools.lru_cache(maxsize=64)
def public_holidays(year):
    """The statutory public holidays of Nordrhein-Westfalen in ``year``."""
    return frozenset(holidays.Germany(subdiv="NW", years=year).keys())


def is_public_holiday(day):
    return day in public_holidays(day.year)


def aware(naive):
    """A Europe/Berlin wall-clock time as an aware datetime."""
    return naive.replace(tzinfo=BERLIN)


def local_naive(value):
    return timezone.localtime(value, BERLIN).replace(tzinfo=None)


@dataclasses.dataclass(frozen=True)
class Slot:
    """One occurrence: ``start``/``end`` as it takes place (aware; ``end`` None for an open
    end), ``original_start`` as the rule gave it (the RECURRENCE-ID), ``cancelled``,
    ``moved`` and the editor's ``note``."""

    start: datetime.datetime
    end: datetime.datetime | None
    original_start: datetime.datetime
    cancelled: bool = False
    note: str = ""
    moved: bool = False

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end) if self.end else None

    def running(self, now):
        """The same rule as ``EventOccurrence.objects.upcoming()``."""
        if self.end:
            return self.end >= now
        return self.local_start.date() >= timezone.localtime(now).date()


@dataclasses.dataclass(frozen=True)
class Change:
    cancelled: bool = False
    new_start: datetime.datetime | None = None
    new_end: datetime.datetime | None = None
    note: str = ""


@dataclasses.dataclass(frozen=True)
class Recurrence:
    """The dates of one event (see the module docstring for the interface)."""

    start: datetime.datetime  # naive Europe/Berlin wall-clock time
    duration: datetime.timedelta | None = None
    all_day: bool = False
    repeat: str = Repeat.NONE
    interval: int = 1
    weekdays: tuple = ()
    week_of_month: int | None = None
    until: datetime.date | None = None
    count: int | None = None
    skip_public_holidays: bool = False
    skip_school_holidays: bool = False
    extra_dates: tuple = ()
    excluded_dates: frozenset = frozenset()
    changes: dict = dataclasses.field(default_factory=dict)
    school_holidays: tuple = ()

    @classmethod
    def from_page(cls, page, school_holidays=None, relations=True):
        """The recurrence of an ``EventPage``; ``school_holidays`` as (first, last) date
        pairs, read through the page when not given. Without ``relations`` only the rule
        fields are read (no query: enough for ``sentence()`` of a rule)."""
        start = local_naive(page.start)
        end = local_naive(page.end) if page.end and not page.open_end else None
        if page.all_day:
            start = datetime.datetime.combine(start.date(), datetime.time.min)
            last = end.date() if end else start.date()
            end = datetime.datetime.combine(last, datetime.time(23, 59, 59))
        if not relations:
            school_holidays, changes, extra_dates, excluded_dates = [], {}, (), frozenset()
        else:
            if school_holidays is None:
                school_holidays = page.school_holiday_ranges()
            changes = {
                change.original_date: Change(
                    cancelled=change.cancelled,
                    new_start=change.new_start,
                    new_end=change.new_end,
                    note=change.note,
                )
                for change in page.occurrence_changes.all()
                if change.original_date
            }
            extra_dates = tuple(sorted({d.date for d in page.extra_dates.all() if d.date}))
            excluded_dates = frozenset(d.date for d in page.excluded_dates.all() if d.date)
        return cls(
            start=start,
            duration=end - start if end else None,
            all_day=page.all_day,
            repeat=page.repeat or Repeat.NONE,
            interval=page.repeat_interval or 1,
            weekdays=tuple(day for day in (page.repeat_weekdays or "").split(",") if day),
            week_of_month=page.repeat_week_of_month,
            until=page.repeat_until,
            count=page.repeat_count,
            skip_public_holidays=page.skip_public_holidays,
            skip_school_holidays=page.skip_school_holidays,
            extra_dates=extra_dates,
            excluded_dates=excluded_dates,
            changes=changes,
            school_holidays=tuple(school_holidays),
        )

    # The rule -------------------------------------------------------------------------

    @property
    def is_series(self):
        return self.repeat != Repeat.NONE or bool(self.extra_dates)

    @property
    def has_rule(self):
        return self.repeat in FREQUENCIES

    @property
    def effective_weekdays(self):
        """Weekly: the chosen weekdays, or the start's weekday when none is chosen."""
        return self.weekdays or (WEEKDAY_CODES[self.start.weekday()],)

    @property
    def nth(self):
        """Monthly on the n-th weekday: the chosen week, or the start's week."""
        return self.week_of_month or (self.start.day - 1) // 7 + 1

    @property
    def until_naive(self):
        return datetime.datetime.combine(self.until, datetime.time(23, 59, 59))

    def rule(self):
        """The ``dateutil`` rule on naive local times, or None without a rule."""
        if not self.has_rule:
            return None
        kwargs = {"dtstart": self.start, "interval": max(self.interval, 1)}
        if self.repeat == Repeat.WEEKLY:
            kwargs["byweekday"] = [RRULE_WEEKDAYS[day] for day in self.effective_weekdays]
        elif self.repeat == Repeat.MONTHLY_DAY:
            kwargs["bymonthday"] = self.start.day
        elif self.repeat == Repeat.MONTHLY_WEEKDAY:
            weekday = rrule.weekdays[self.start.weekday()]
            kwargs["byweekday"] = weekday(self.nth)
        if self.until:
            kwargs["until"] = self.until_naive
        elif self.count:
            kwargs["count"] = self.count
        return rrule.rrule(FREQUENCIES[self.repeat], **kwargs)

    def _rule_starts(self, before=None):
        """Naive local starts of the rule (and the single date without one), up to
        ``before`` (naive) exclusive."""
        rule = self.rule()
        starts = iter([self.start]) if rule is None else iter(rule)
        if before is not None:
            starts = itertools.takewhile(lambda start: start < before, starts)
        return starts

    def is_removed(self, day):
        """Excluded by the editor, a public holiday or a school holiday (if skipped)."""
        if day in self.excluded_dates:
            return True
        if self.skip_public_holidays and is_public_holiday(day):
            return True
        if self.skip_school_holidays:
            return any(first <= day <= last for first, last in self.school_holidays)
        return False

    def _original_starts(self, before=None):
        """Naive local starts after removals, extra dates included, sorted."""
        starts = {start for start in self._rule_starts(before) if not self.is_removed(start.date())}
        time = self.start.time()
        for day in self.extra_dates:
            extra = datetime.datetime.combine(day, time)
            if (before is None or extra < before) and not self.is_removed(day):
                starts.add(extra)
        return sorted(starts)

    def _slot(self, naive_start):
        original = aware(naive_start)
        end = aware(naive_start + self.duration) if self.duration is not None else None
        change = self.changes.get(naive_start.date())
        if change is None:
            return Slot(original, end, original)
        start = original
        moved = False
        if change.new_start and not change.cancelled:
            start, moved = change.new_start, True
            if change.new_end:
                end = change.new_end
            elif self.duration is not None:
                end = start + self.duration
        return Slot(start, end, original, change.cancelled, change.note, moved)

    # What listings and calendars read ----------------------------------------------------

    def occurrences(self, after=None, before=None):
        """The occurrences whose original start lies in [after, before) (aware datetimes;
        None: from the first date, or up to the horizon)."""
        if before is None:
            before = timezone.now() + datetime.timedelta(days=horizon_days())
        if not self.is_series:
            starts = [self.start]
        else:
            starts = self._original_starts(local_naive(before))
        slots = [self._slot(start) for start in starts]
        if after is not None:
            slots = [slot for slot in slots if slot.original_start >= after]
        return [slot for slot in slots if slot.original_start < before or not self.is_series]

    def next_slots(self, now=None, limit=10):
        """The next ``limit`` occurrences still running, cancelled ones included."""
        now = now or timezone.now()
        after = now - datetime.timedelta(days=1) - (self.duration or datetime.timedelta())
        return [slot for slot in self.occurrences(after=after) if slot.running(now)][:limit]

    def rows(self, now=None):
        """What ``EventOccurrence`` keeps: a single event its one date; a series its
        dates from ``ARCHIVE_DAYS`` ago to the horizon, or its last date before that
        span, or its first date after it, so that every live event has a row."""
        now = now or timezone.now()
        if not self.is_series:
            return self.occurrences()
        first = now - datetime.timedelta(days=ARCHIVE_DAYS)
        last = now + datetime.timedelta(days=horizon_days())
        slots = self.occurrences(before=last)
        kept = [slot for slot in slots if slot.original_start >= first or slot.start >= first]
        if kept:
            return kept
        if slots:
            return slots[-1:]
        first_start = self._first_start()
        return [self._slot(first_start)] if first_start else []

    def _first_start(self):
        """The first date of the series at all (naive), however far ahead."""
        starts = itertools.islice(self._rule_starts(), max_occurrences())
        first_of_rule = next((s for s in starts if not self.is_removed(s.date())), None)
        time = self.start.time()
        extras = [
            datetime.datetime.combine(day, time)
            for day in self.extra_dates
            if not self.is_removed(day)
        ]
        candidates = [start for start in [first_of_rule, *extras] if start]
        return min(candidates) if candidates else None

    # Validation -------------------------------------------------------------------------

    def errors(self, now=None):
        """The editor's mistakes in the rule, by field (German messages)."""
        if not self.is_series:
            return {}
        errors = {}
        if self.interval < 1:
            errors["repeat_interval"] = _("Der Abstand muss mindestens 1 sein.")
        if self.count is not None and self.count < 1:
            errors["repeat_count"] = _("Die Anzahl muss mindestens 1 sein.")
        if self.until and self.count:
            errors["repeat_count"] = _(
                "Bitte geben Sie entweder ein Enddatum oder eine Anzahl an, nicht beides."
            )
        if self.until and self.until < self.start.date():
            errors["repeat_until"] = _("Das Enddatum darf nicht vor dem Beginn liegen.")
        if errors:
            return errors
        now = now or timezone.now()
        limit = max_occurrences()
        bounded = self.until or self.count or not self.has_rule
        before = None
        if not bounded:
            before = max(local_naive(now), self.start) + datetime.timedelta(days=horizon_days())
        generated = sum(1 for _ in itertools.islice(self._rule_starts(before), limit + 1))
        if generated + len(self.extra_dates) > limit:
            field = "repeat_count" if self.count else "repeat_until"
            errors[field] = _(
                "Diese Wiederholung ergibt mehr als %(max)s Termine. Bitte begrenzen Sie sie "
                "mit einem früheren Enddatum oder einer kleineren Anzahl."
            ) % {"max": limit}
        elif not self._original_starts(before):
            errors["repeat"] = _(
                "Diese Wiederholung ergibt keinen einzigen Termin. Bitte prüfen Sie Regel, "
                "Enddatum und Ausnahmen."
            )
        return errors

    def sentence(self):
        """The rule in German words ("" for a single event): events/recurrence_words.py."""
        return recurrence_words.sentence(self)

    # iCalendar --------------------------------------------------------------------------

    def ical_rrule(self):
        """The RRULE as a dict for ``icalendar`` (None without a rule). UNTIL is given in
        UTC, as RFC 5545 requires with a DTSTART in a time zone."""
        rule = self.rule()
        if rule is None:
            return None
        value = {"FREQ": ICAL_FREQUENCIES[FREQUENCIES[self.repeat]]}
        if self.interval > 1:
            value["INTERVAL"] = self.interval
        if self.repeat == Repeat.WEEKLY:
            value["BYDAY"] = list(self.effective_weekdays)
        elif self.repeat == Repeat.MONTHLY_DAY:
            value["BYMONTHDAY"] = self.start.day
        elif self.repeat == Repeat.MONTHLY_WEEKDAY:
            value["BYDAY"] = f"{self.nth}{WEEKDAY_CODES[self.start.weekday()]}"
        if self.until:
            value["UNTIL"] = aware(self.until_naive).astimezone(UTC)
        elif self.count:
            value["COUNT"] = self.count
        return value

    def rrule_string(self):
        """The RRULE as text, e.g. "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T215959Z"."""
        value = self.ical_rrule()
        if value is None:
            return ""
        parts = []
        for key, item in value.items():
            if isinstance(item, datetime.datetime):
                item = item.strftime("%Y%m%dT%H%M%SZ")
            elif isinstance(item, list):
                item = ",".join(item)
            parts.append(f"{key}={item}")
        return ";".join(parts)

    def first_rule_start(self):
        """The first date of the rule (aware), DTSTART of the iCal series: RFC 5545 wants
        DTSTART to be a date of the rule, while an editor may start on another weekday."""
        first = next(self._rule_starts(), None)
        return aware(first) if first else None

    def removed_starts(self, before):
        """Starts of the rule removed by excluded dates and holidays (EXDATE)."""
        return [
            aware(start)
            for start in self._rule_starts(local_naive(before))
            if self.is_removed(start.date())
        ]

    def extra_starts(self, before):
        """Starts of extra dates that the rule does not give itself (RDATE)."""
        limit = local_naive(before)
        rule_starts = set(self._rule_starts(limit)) if self.has_rule else set()
        starts = []
        for day in self.extra_dates:
            start = datetime.datetime.combine(day, self.start.time())
            if start < limit and start not in rule_starts and not self.is_removed(day):
                starts.append(aware(start))
        return starts

    def changed_slots(self, before):
        """Occurrences cancelled, moved or with a note (one RECURRENCE-ID VEVENT each)."""
        return [
            slot
            for slot in self.occurrences(before=before)
            if slot.cancelled or slot.moved or slot.note
        ]
