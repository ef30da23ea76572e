"""The dates of events as open data: ``/api/v2/occurrences/?from=2027-01-01&to=2027-01-31``
lists every occurrence of the live, public events that touches the span (both days
included), soonest first, read from the occurrence rows in a constant number of queries.

One language at a time, as the pages endpoint: German, or ``?locale=en`` (only real
translations). Without ``from`` the span starts today, without ``to`` it lasts 31 days; it
may last at most ``MAX_DAYS`` days. Wrong parameters give 400 with a German ``message``.
The endpoint is registered, with the site's pagination, in ``kupferstadt/api.py``.
"""

import datetime

from django.conf import settings
from django.urls import path
from django.utils import timezone
from rest_framework import serializers
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.utils import BadRequestError, get_object_detail_url
from wagtail.api.v2.views import BaseAPIViewSet

from .choices import EventStatus
from .models import EventOccurrence, EventPage
from .recurrence import BERLIN

MAX_DAYS = 400
DEFAULT_DAYS = 31


class OccurrenceQueryError(BadRequestError):
    """A parameter error of the occurrences endpoint, worded in German."""


class OccurrenceSerializer(serializers.Serializer):
    """One occurrence with its event. ``cancelled`` is true for a cancelled date and for
    every date of a cancelled event; ``moved``: the date differs from the rule's
    (``original_start``)."""

    event_id = serializers.IntegerField()
    title = serializers.CharField(source="event.title")
    url = serializers.SerializerMethodField()
    detail_url = serializers.SerializerMethodField()
    locale = serializers.CharField(source="event.locale.language_code")
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    original_start = serializers.DateTimeField()
    all_day = serializers.BooleanField(source="event.all_day")
    cancelled = serializers.SerializerMethodField()
    moved = serializers.BooleanField()
    note = serializers.CharField()

    def get_url(self, occurrence):
        return occurrence.event.get_full_url(self.context["request"])

    def get_detail_url(self, occurrence):
        request = self.context["request"]
        return get_object_detail_url(
            request.wagtailapi_router, request, EventPage, occurrence.event_id
        )

    def get_cancelled(self, occurrence):
        return occurrence.cancelled or occurrence.event.status == EventStatus.CANCELLED


def _day(request, name, default):
    value = request.GET.get(name)
    if value is None:
        return default
    try:
        day = datetime.date.fromisoformat(value)
    except ValueError:
        day = None
    # Far-off years overflow when converted to UTC (SQLite) or reach before the common era.
    if day is None or not 1900 <= day.year <= 2999:
        raise OccurrenceQueryError(
            f"{name} muss ein Datum in der Form JJJJ-MM-TT sein, nicht „{value[:100]}“"
        )
    return day


def date_range(request):
    """The first and the last day asked for (``from``, ``to``), checked."""
    first = _day(request, "from", timezone.localdate())
    last = _day(request, "to", first + datetime.timedelta(days=DEFAULT_DAYS - 1))
    if last < first:
        raise OccurrenceQueryError("to darf nicht vor from liegen")
    if (last - first).days + 1 > MAX_DAYS:
        raise OccurrenceQueryError(f"Der Zeitraum darf höchstens {MAX_DAYS} Tage umfassen")
    return first, last


class OccurrencesAPIViewSet(BaseAPIViewSet):
    """``/api/v2/occurrences/``: a listing only; every event's page is in ``pages``."""

    model = EventOccurrence
    known_query_parameters = frozenset(
        ["from", "to", "locale", "site", "limit", "offset", "format", "_"]
    )

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]

    def check_query_parameters(self):
        unknown = set(self.request.GET) - self.known_query_parameters
        if unknown:
            names = ", ".join(sorted(name[:50] for name in unknown))
            raise OccurrenceQueryError(f"Unbekannte Parameter: {names}")
        language = self.request.GET.get("locale", settings.LANGUAGE_CODE)
        if language not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
            raise OccurrenceQueryError("locale muss eine der Sprachen der Website sein")
        return language

    def events(self, language):
        """The live, public events of the site in ``language`` (not the aliases that
        mirror German pages until they are translated), as the pages endpoint has them."""
        try:
            pages = get_public_pages_queryset(self.request, EventPage)
        except ValueError as e:
            raise OccurrenceQueryError("site passt auf mehrere Websites") from e
        return pages.filter(alias_of__isnull=True, locale__language_code=language)

    def get_queryset(self):
        language = self.check_query_parameters()
        first, last = date_range(self.request)
        span = (
            datetime.datetime.combine(first, datetime.time.min, tzinfo=BERLIN),
            datetime.datetime.combine(
                last + datetime.timedelta(days=1), datetime.time.min, tzinfo=BERLIN
            ),
        )
        return (
            EventOccurrence.objects.between(*span)
            .filter(event__in=self.events(language).values("pk"))
            .select_related("event", "event__locale")
            .order_by("start", "event_id", "pk")
        )

    def listing_view(self, request):
        occurrences = self.paginate_queryset(self.get_queryset())
        data = OccurrenceSerializer(occurrences, many=True, context={"request": request}).data
        return self.get_paginated_response(data)
