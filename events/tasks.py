"""The daily task that moves the occurrence rows' window: every live series gets its dates
up to the horizon again (and drops those older than the archive days), and a live event
without rows gets them. ``manage.py extend_occurrences`` queues it from cron; in the
default backend (immediate) it runs right there."""

from django.db.models import Exists, OuterRef, Q
from django_tasks import task

from .choices import Repeat
from .models import EventExtraDate, EventOccurrence, EventPage, rebuild_many

BATCH = 200


def pages_to_extend():
    """Live series, and live events that have no rows at all."""
    has_rows = Exists(EventOccurrence.objects.filter(event=OuterRef("pk")))
    has_extra = Exists(EventExtraDate.objects.filter(page=OuterRef("pk")))
    return EventPage.objects.live().filter(~Q(repeat=Repeat.NONE) | has_extra | ~has_rows)


@task()
def extend_occurrence_horizon():
    """Rebuilds the rows of every live series (in batches); returns how many rows."""
    ids = list(pages_to_extend().order_by("pk").values_list("pk", flat=True))
    written = 0
    for first in range(0, len(ids), BATCH):
        pages = EventPage.objects.filter(pk__in=ids[first : first + BATCH]).prefetch_related(
            "extra_dates", "excluded_dates", "occurrence_changes"
        )
        written += rebuild_many(pages)
    return written
