"""The calendar: the index of the events with its archive, feeds and iCal file."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField

from kupferstadt.listing_page import ListingPage

from ..feeds import EventFeed
from ..filters import EventFilter
from .event_page import EventPage


class EventIndexPage(ListingPage):
    """The calendar: upcoming events first, past events in the archive, filterable by
    month and topic."""

    intro = RichTextField(
        _("Einleitung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Erscheint über der Liste der Veranstaltungen."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    filterset_class = EventFilter
    feed_class = EventFeed
    items_name = "events"

    class Meta:
        verbose_name = _("Veranstaltungsübersicht")
        verbose_name_plural = _("Veranstaltungsübersichten")

    @path("ical/", name="ical")
    def calendar(self, request):
        """Subscribable calendar: upcoming events and those of the last 90 days."""
        since = timezone.now() - datetime.timedelta(days=90)
        events = EventPage.objects.shown_below(self, children=True).upcoming(since)
        events = self.filtered(request, events.order_by("start")).qs
        return events.calendar_response(request, self.title, filename="veranstaltungen.ics")

    def events(self, archive=False):
        """Upcoming events by their next occurrence (a series once, at its next date), or
        the archive's past events, latest first."""
        events = EventPage.objects.shown_below(self, children=True)
        if archive:
            return events.past().order_by("-start")
        return events.upcoming().with_next_occurrence().order_by("next_start", "pk")

    items = events
