"""Events such as the forum "Fünf Jahre Soziale Kupferstadt 2030" and their index, one
module per concern; everything is re-exported here, so ``from events.models import X``
keeps working."""

from ..choices import EventStatus, Registration, Repeat
from .calendar_state import EventCalendarState
from .event_page import EventPage
from .index import EventIndexPage
from .occurrence import (
    EventOccurrence,
    EventOccurrenceQuerySet,
    rebuild_many,
    rebuild_occurrences,
)
from .querysets import EventPageQuerySet
from .series import EventExcludedDate, EventExtraDate, EventOccurrenceChange, SchoolHoliday

__all__ = [
    "EventCalendarState",
    "EventExcludedDate",
    "EventExtraDate",
    "EventIndexPage",
    "EventOccurrence",
    "EventOccurrenceChange",
    "EventOccurrenceQuerySet",
    "EventPage",
    "EventPageQuerySet",
    "EventStatus",
    "Registration",
    "Repeat",
    "SchoolHoliday",
    "rebuild_many",
    "rebuild_occurrences",
]
