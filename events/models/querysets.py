"""The named querysets of events: upcoming and past (the same rule as
``EventPage.is_past``), and what a listing or a calendar reads at once."""

from django.db.models import Q
from django.utils import timezone

from kupferstadt.models import SitePageQuerySet

from ..ical import calendar_response


class EventPageQuerySet(SitePageQuerySet):
    def _still_running(self, now):
        # An open-end event counts as running until the end of its first day
        # (the same rule as EventPage.is_past).
        start_of_today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
        return Q(end__gte=now) | Q(end__isnull=True, start__gte=start_of_today)

    def upcoming(self, now=None):
        return self.filter(self._still_running(now or timezone.now()))

    def past(self, now=None):
        return self.exclude(self._still_running(now or timezone.now()))

    def for_listing(self):
        return self.with_language().select_related("venue").prefetch_related("topics")

    def for_calendar(self):
        """Everything an iCal feed needs, in a constant number of queries."""
        return self.select_related("venue", "locale", "host", "calendar_state").prefetch_related(
            "topics"
        )

    def calendar_response(self, request, name, filename):
        """These events as a subscribable iCalendar file named ``filename``: what the
        calendar, an event and an initiative (through its ``events``) offer."""
        return calendar_response(request, self.for_calendar(), name, filename=filename)
