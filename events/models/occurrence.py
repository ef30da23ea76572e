"""The occurrences of every live event as rows: what listings, the month view, feeds and
the API query instead of rules, so that their queries stay constant in the number of
series and dates."""

import datetime

from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..recurrence import ARCHIVE_DAYS, Recurrence, horizon_days


def still_running(now, prefix=""):
    """The rule for "still running" on rows (and formerly on pages): the end lies ahead, or
    an open-end occurrence starts today or later."""
    start_of_today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    return Q(**{f"{prefix}end__gte": now}) | Q(
        **{f"{prefix}end__isnull": True, f"{prefix}start__gte": start_of_today}
    )


class EventOccurrenceQuerySet(models.QuerySet):
    def between(self, first, last):
        """Occurrences that touch the span from ``first`` to ``last`` (aware datetimes,
        ``last`` exclusive), e.g. one month of the month view."""
        return (
            self.filter(start__lt=last)
            .exclude(end__lt=first)
            .exclude(end__isnull=True, start__lt=first)
        )

    def upcoming(self, now=None):
        """Occurrences still running, cancelled ones included (shown struck through)."""
        return self.filter(still_running(now or timezone.now()))

    def live(self):
        return self.filter(event__live=True)

    def for_listing(self):
        """With the event, its venue and locale, soonest first: no query per row."""
        return self.select_related("event", "event__venue", "event__locale").order_by(
            "start", "event_id"
        )


class EventOccurrence(models.Model):
    """One date of a live event: a single event has exactly one row, a series one per date
    from 90 days ago to the horizon (``KUPFERSTADT_OCCURRENCE_HORIZON_DAYS``). Rebuilt on
    every publish and daily by ``extend_occurrence_horizon``; never edited by hand."""

    event = models.ForeignKey(
        "events.EventPage",
        on_delete=models.CASCADE,
        related_name="occurrences",
        verbose_name=_("Veranstaltung"),
    )
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"), null=True, blank=True)
    original_start = models.DateTimeField(_("Ursprünglicher Beginn"))
    cancelled = models.BooleanField(_("abgesagt"), default=False)
    moved = models.BooleanField(_("verschoben"), default=False)
    note = models.CharField(_("Hinweis"), max_length=200, blank=True)

    objects = EventOccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("Termin")
        verbose_name_plural = _("Termine")
        ordering = ["start"]
        indexes = [
            models.Index(fields=["start", "event"], name="occurrence_start_idx"),
            models.Index(fields=["event", "start"], name="occurrence_event_idx"),
        ]

    def __str__(self):
        return f"{self.event_id} {timezone.localtime(self.start):%Y-%m-%d %H:%M}"

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end) if self.end else None


def occurrence_window(now=None):
    """The span of rows kept for a series: the archive days back, the horizon ahead."""
    now = now or timezone.now()
    return (
        now - datetime.timedelta(days=ARCHIVE_DAYS),
        now + datetime.timedelta(days=horizon_days()),
    )


def rebuild_occurrences(page, now=None):
    """Replaces the rows of ``page`` (a live ``EventPage``) in one transaction; a page that
    is not live loses its rows. Returns the number of rows written."""
    with transaction.atomic():
        EventOccurrence.objects.filter(event_id=page.pk).delete()
        if not page.live:
            return 0
        rows = _rows(page, now)
        EventOccurrence.objects.bulk_create(rows)
    return len(rows)


def _rows(page, now):
    return [
        EventOccurrence(
            event_id=page.pk,
            start=slot.start,
            end=slot.end,
            original_start=slot.original_start,
            cancelled=slot.cancelled,
            moved=slot.moved,
            note=slot.note,
        )
        for slot in Recurrence.from_page(page).rows(now)
    ]


def rebuild_many(pages, now=None):
    """Replaces the rows of many live ``EventPage`` objects with one delete and one bulk
    insert (the daily horizon task, the demo); prefetch their inline dates."""
    pages = [page for page in pages if page.live]
    rows = [row for page in pages for row in _rows(page, now)]
    with transaction.atomic():
        EventOccurrence.objects.filter(event_id__in=[page.pk for page in pages]).delete()
        EventOccurrence.objects.bulk_create(rows, batch_size=1000)
    return len(rows)
