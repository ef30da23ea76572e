"""What the open-data API says about the dates of an event page: its rule and its next
occurrence (``EventPage.api_fields``). The occurrences themselves: ``events/api.py``."""

from django.utils import translation
from rest_framework import serializers

from kupferstadt.i18n import text_language

from .choices import Repeat
from .recurrence import WEEKDAY_CODES, Recurrence


class RecurrenceField(serializers.Field):
    """The rule of a series in words (in the page's language) and as facts, ``null`` for a
    single event. Reads the page's extra and excluded dates and changes (a listing
    prefetches them, see ``EventPage.api_prefetch``); the dates themselves are in
    ``next_start`` and ``/api/v2/occurrences/``."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        # The school holidays only remove dates; the facts do not need them.
        recurrence = Recurrence.from_page(page, school_holidays=())
        if not recurrence.is_series:
            return None
        with translation.override(text_language(page)):
            sentence = recurrence.sentence()
        repeat = recurrence.repeat
        weekdays = []
        if repeat == Repeat.WEEKLY:
            weekdays = list(recurrence.effective_weekdays)
        elif repeat == Repeat.MONTHLY_WEEKDAY:
            weekdays = [WEEKDAY_CODES[recurrence.start.weekday()]]
        return {
            "sentence": sentence,
            "repeat": repeat,
            "interval": max(recurrence.interval, 1),
            "weekdays": weekdays,
            "week_of_month": recurrence.nth if repeat == Repeat.MONTHLY_WEEKDAY else None,
            "day_of_month": recurrence.start.day if repeat == Repeat.MONTHLY_DAY else None,
            "until": recurrence.until.isoformat()
            if recurrence.has_rule and recurrence.until
            else None,
            "count": recurrence.count if recurrence.has_rule and not recurrence.until else None,
            "skip_public_holidays": recurrence.skip_public_holidays,
            "skip_school_holidays": recurrence.skip_school_holidays,
            "extra_dates": [day.isoformat() for day in recurrence.extra_dates],
            "excluded_dates": sorted(day.isoformat() for day in recurrence.excluded_dates),
            "rrule": recurrence.rrule_string(),
        }


class NextOccurrenceField(serializers.Field):
    """``start``, ``end`` or ``cancelled`` of the next occurrence still running (the same
    one the calendar shows), ``null`` when there is none. A listing annotates it
    (``EventPageQuerySet.with_next_occurrence()``); a single page reads it in one query."""

    def __init__(self, part, **kwargs):
        self.part = part
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        if not hasattr(page, "next_start"):
            row = page.occurrences.upcoming().order_by("start").first()
            page.next_start = row.start if row else None
            page.next_end = row.end if row else None
            page.next_cancelled = row.cancelled if row else None
        value = getattr(page, f"next_{self.part}")
        if self.part == "cancelled" or value is None:
            return value
        return serializers.DateTimeField().to_representation(value)
