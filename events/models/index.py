"""The calendar: the index of the events with its archive, feeds and iCal file."""

import datetime

from django.shortcuts import redirect
from django.template.loader import get_template
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField

from kupferstadt.listing_page import ListingPage

from ..feeds import EventFeed
from ..filters import EventFilter, MonthViewFilter, month_span
from ..month import BadMonth, month_grid, neighbours, parse_month
from ..recurrence import BERLIN
from .event_page import EventPage
from .occurrence import EventOccurrence


class EventIndexPage(ListingPage):
    """The calendar: upcoming events first, past events in the archive, filterable by
    day, week, weekend, date range, month and topic; every month also as a table
    (``monat/2026-09/``)."""

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

    def get_context(self, request, *args, month=None, **kwargs):
        if month is None:
            context = super().get_context(request, *args, **kwargs)
            # The month view opens at the filtered month, else at this one.
            chosen = getattr(context["filters"].form, "cleaned_data", {}).get("month")
            today = timezone.localdate(timezone=BERLIN)
            context["month_view_month"] = chosen or today.replace(day=1)
            return context
        # The month view has no listing: the page's own context without it.
        context = super(ListingPage, self).get_context(request, *args, **kwargs)
        before, after = neighbours(month)
        events = EventPage.objects.shown_below(self, children=True)
        filters = MonthViewFilter(request.GET, queryset=events, request=request)
        weeks = month_grid(month, self.month_rows(month, filters.qs))
        # Each entry is rendered once and shown twice (table and list of days): a busy
        # month has hundreds of entries.
        entry_template = get_template("events/includes/month_entry.html")
        for week in weeks:
            for day in week:
                for entry in day.entries:
                    entry.html = entry_template.render({"entry": entry, "request": request})
        context.update(
            filters=filters,
            month=month,
            weeks=weeks,
            has_occurrences=any(day.entries for week in weeks for day in week),
            weekday_names=[WEEKDAYS[number] for number in range(7)],
            previous_month=before,
            next_month=after,
        )
        return context

    def month_rows(self, month, events=None):
        """The occurrences touching the month of ``month`` (a date) and those moved away
        from it, of ``events`` (by default all this calendar lists in its language): one
        query, however many series and dates."""
        first, last = month_span(month)
        moved_away = EventOccurrence.objects.filter(
            moved=True, original_start__gte=first, original_start__lt=last
        )
        rows = EventOccurrence.objects.between(first, last) | moved_away
        if events is None:
            events = EventPage.objects.shown_below(self, children=True)
        return rows.filter(event__in=events.values("pk")).for_listing()

    @path("monat/", name="this_month")
    def this_month(self, request):
        today = timezone.localdate(timezone=BERLIN)
        month = self.reverse_subpage("month", args=[f"{today:%Y-%m}"])
        return redirect(self.get_url(request) + month)

    @path("monat/<str:month>/", name="month")
    def month_view(self, request, month):
        """Every occurrence of one month as a table, Monday first, with links to the
        months before and after; a month the calendar does not have gives 404 with a
        German message."""
        try:
            first_day = parse_month(month)
        except BadMonth as error:
            context = super(ListingPage, self).get_context(request)
            context["month_error"] = str(error)
            context["month_view_month"] = timezone.localdate(timezone=BERLIN).replace(day=1)
            return TemplateResponse(request, "events/event_index_month.html", context, status=404)
        return self.render(request, month=first_day, template="events/event_index_month.html")
