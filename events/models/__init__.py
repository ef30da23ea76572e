"""Events such as the forum "Fünf Jahre Soziale Kupferstadt 2030" and their index, one
module per concern; everything is re-exported here, so ``from events.models import X``
keeps working."""

from ..choices import EventStatus, Registration
from .calendar_state import EventCalendarState
from .event_page import EventPage
from .index import EventIndexPage
from .querysets import EventPageQuerySet

__all__ = [
    "EventCalendarState",
    "EventIndexPage",
    "EventPage",
    "EventPageQuerySet",
    "EventStatus",
    "Registration",
]
