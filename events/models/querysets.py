"""The named querysets of events: upcoming and past, read from the occurrence rows (the
same rule as ``EventOccurrence.objects.upcoming()``), the next occurrence of each event,
and what a listing or a calendar reads at once."""

from django.db.models import Exists, Min, OuterRef, Subquery
from django.utils import timezone

from kupferstadt.models import SitePageQuerySet

from ..ical import calendar_response
from .occurrence import EventOccurrence, still_running


class EventPageQuerySet(SitePageQuerySet):
    # Rows of the occurrence table read per event in ``first_by_next_occurrence()``.
    WINDOW = 10

    def _running_rows(self, now):
        return EventOccurrence.objects.filter(still_running(now), event=OuterRef("pk"))

    def upcoming(self, now=None):
        """Events with an occurrence still running (a single event: its one row)."""
        return self.filter(Exists(self._running_rows(now or timezone.now())))

    def past(self, now=None):
        return self.exclude(Exists(self._running_rows(now or timezone.now())))

    def with_next_occurrence(self, now=None):
        """Annotates ``next_start``, ``next_end`` and ``next_cancelled``: the next
        occurrence still running (None when there is none), in a constant number of
        queries. Order a listing of series by ``next_start``."""
        rows = self._running_rows(now or timezone.now()).order_by("start")
        return self.annotate(
            next_start=Subquery(rows.values("start")[:1]),
            next_end=Subquery(rows.values("end")[:1]),
            next_cancelled=Subquery(rows.values("cancelled")[:1]),
        )

    def first_by_next_occurrence(self, limit, now=None):
        """The first ``limit`` of these events that are still running, in the order of
        ``with_next_occurrence().order_by("next_start", "pk")`` and annotated like it, as a
        list. The running rows are read in date order on the start index, a window of
        ``WINDOW`` rows per event asked for: an event first appears at its next date, so
        the first distinct events of the window are the answer, in two queries however
        many events there are. Only when a few dense series fill the whole window does a
        third query group every running row by event."""
        now = now or timezone.now()
        rows = EventOccurrence.objects.filter(still_running(now), event__in=self.values("pk"))
        size = limit * self.WINDOW
        window = list(rows.order_by("start", "event_id").values_list("event_id", flat=True)[:size])
        chosen = list(dict.fromkeys(window))[:limit]
        if len(chosen) < limit and len(window) == size:
            chosen = list(
                rows.values("event_id")
                .annotate(first=Min("start"))
                .order_by("first", "event_id")
                .values_list("event_id", flat=True)[:limit]
            )
        if not chosen:
            return []
        events = self.model.objects.filter(pk__in=chosen).with_next_occurrence(now)
        position = {pk: number for number, pk in enumerate(chosen)}
        return sorted(events.for_cards(), key=lambda event: position[event.pk])

    def occurring_between(self, first, last, now=None):
        """Events with an occurrence that touches ``first`` to ``last`` (aware datetimes,
        ``last`` exclusive): the date filters and the month filter. A listing annotated
        by ``with_next_occurrence()`` keeps only occurrences still running and shows each
        event at its first of them in the span, so a weekly series filtered to a month
        shows a date in that month."""
        rows = EventOccurrence.objects.between(first, last).filter(event=OuterRef("pk"))
        if "next_start" not in self.query.annotations:
            return self.filter(Exists(rows))
        rows = rows.filter(still_running(now or timezone.now())).order_by("start")
        return self.filter(Exists(rows)).annotate(
            next_start=Subquery(rows.values("start")[:1]),
            next_end=Subquery(rows.values("end")[:1]),
            next_cancelled=Subquery(rows.values("cancelled")[:1]),
        )

    def for_cards(self):
        """What a listing of cards reads besides the cards (``kupferstadt/cards.py``
        loads ``EventPage.card_relations`` for the cards it renders)."""
        return self.with_language().select_related("venue")

    def for_listing(self):
        return self.for_cards().prefetch_related(*self.model.card_relations)

    def for_calendar(self):
        """Everything an iCal feed needs, in a constant number of queries."""
        return self.select_related("venue", "locale", "host", "calendar_state").prefetch_related(
            "topics", "extra_dates", "excluded_dates", "occurrence_changes"
        )

    def calendar_response(self, request, name, filename):
        """These events as a subscribable iCalendar file named ``filename``: what the
        calendar, an event and an initiative (through its ``events``) offer."""
        return calendar_response(request, self.for_calendar(), name, filename=filename)
