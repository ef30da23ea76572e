"""The calendar: the index of the events with its archive, feeds and iCal file."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from kupferstadt.listing import paginate
from kupferstadt.models import ListingFeedsMixin, SitePage

from ..feeds import EventFeed
from ..filters import EventFilter
from .event_page import EventPage


class EventIndexPage(ListingFeedsMixin, SitePage):
    """The calendar: upcoming events first, past events in the archive, filterable by
    month and topic."""

    intro = RichTextField(
        _("Einleitung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Erscheint über der Liste der Veranstaltungen."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    description_field = "intro"
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("Veranstaltungsübersicht")
        verbose_name_plural = _("Veranstaltungsübersichten")

    @path("")
    def upcoming_events(self, request):
        return self.render(request)

    @path("archiv/", name="archive")
    def past_events(self, request):
        return self.render(request, archive=True)

    def feed(self, request, atom):
        return EventFeed(self, self._filtered(request), atom=atom)(request)

    @path("ical/", name="ical")
    def calendar(self, request):
        """Subscribable calendar: upcoming events and those of the last 90 days."""
        since = timezone.now() - datetime.timedelta(days=90)
        events = EventPage.objects.live().public().child_of(self).translated().upcoming(since)
        events = self._filtered(request, events.order_by("start"))
        return events.calendar_response(request, self.title, filename="veranstaltungen.ics")

    def _filtered(self, request, events=None):
        events = self.events() if events is None else events
        return EventFilter(request.GET, queryset=events, request=request).qs

    def events(self, archive=False):
        events = EventPage.objects.live().public().child_of(self).translated()
        if archive:
            return events.past().order_by("-start")
        return events.upcoming().order_by("start")

    def get_context(self, request, *args, archive=False, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = EventFilter(request.GET, queryset=self.events(archive), request=request)
        page, page_message = paginate(
            request, filters.qs.for_listing(), settings.KUPFERSTADT_PAGE_SIZE
        )
        context.update(archive=archive, filters=filters, events=page, page_message=page_message)
        return context
