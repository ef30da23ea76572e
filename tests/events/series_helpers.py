"""Building event series for the tests: a fixed "now" and real pages with rows."""

import datetime
from zoneinfo import ZoneInfo

from events.models import EventExcludedDate, EventExtraDate, EventOccurrenceChange

from ..factories import EventPageFactory

BERLIN = ZoneInfo("Europe/Berlin")
# Every series test runs on this day, so that its dates lie inside the rows' window.
NOW = datetime.datetime(2026, 9, 1, 12, 0, tzinfo=BERLIN)


def berlin(*args):
    return datetime.datetime(*args, tzinfo=BERLIN)


def series(parent, start, hours=2, extra=(), excluded=(), changes=(), **fields):
    """A published series starting at ``start`` (Berlin time) lasting ``hours``."""
    return EventPageFactory(
        parent=parent,
        start=start,
        end=start + datetime.timedelta(hours=hours),
        extra_dates=[EventExtraDate(date=day) for day in extra],
        excluded_dates=[EventExcludedDate(date=day) for day in excluded],
        occurrence_changes=[EventOccurrenceChange(**change) for change in changes],
        **fields,
    )
