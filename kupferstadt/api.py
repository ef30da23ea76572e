"""The read-only open data API (Wagtail API v2) for notices, events and initiatives, and
the dates of events (``/api/v2/occurrences/``, events/api.py).

Only live, public pages appear (Wagtail's own rule); notices appear only while they
hang on the board. One language at a time: German, or ``?locale=en`` (tr, ar, uk).
Extra filters: ``topic=<slug>`` and ``upcoming=true|false``.

A value the database cannot take (a NUL character, a date that does not exist, a number
beyond 64 bits) is answered with 400 and ``{"message": ...}``, as Wagtail answers its
own parameter errors, before any query runs. Every message is German: ours are written
so, Wagtail's are reworded in ``SitePagesAPIViewSet.handle_exception``.
"""

import datetime
import re

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connection, models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from rest_framework.response import Response
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.filters import FieldsFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale, Page

from events.api import OccurrenceQueryError, OccurrencesAPIViewSet
from events.models import EventPage
from home.choices import Region
from home.models import NoticePage
from home.rules import off_board_q
from kupferstadt.registry import topic_page_models

TRUE, FALSE = {"true", "1", "ja"}, {"false", "0", "nein"}
SEARCH_OPERATORS = {"and", "or"}
# PostgreSQL's integer, the type of page ids; no listing is that long either.
INTEGER_MAX = 2**31 - 1


class ApiError(BadRequestError):
    """A parameter error of ours, worded in German."""


# Wagtail's own parameter errors (English) and what the API answers instead; the first
# pattern that matches the whole message wins, anything else is an "Ungültige Anfrage".
WAGTAIL_MESSAGES = [
    (
        r"query parameter is not an operation or a recognised field: (?P<names>.*)",
        "Unbekannte Parameter: {names}",
    ),
    (r"unknown fields: (?P<names>.*)", "Unbekannte Felder: {names}"),
    (r"'(?P<name>.*)' does not support nested fields", "Das Feld „{name}“ hat keine Unterfelder"),
    (r"fields error: .*", "Der Parameter fields ist fehlerhaft"),
    (r"type doesn't exist", "Diesen Seitentyp gibt es nicht"),
    (
        r"(?P<name>\w+) must be a positive integer",
        "{name} muss eine positive ganze Zahl sein",
    ),
    (r"limit cannot be higher than (?P<max>\d+)", "limit darf höchstens {max} sein"),
    (
        r"(?:parent|ancestor|descendant|translation_of) page doesn't exist",
        "Diese Seite gibt es nicht",
    ),
    (r"cannot order by '(?P<name>.*?)'.*", "Nach „{name}“ kann nicht sortiert werden"),
    (
        r"cannot filter by '(?P<name>.*?)' while searching.*",
        "Nach „{name}“ kann bei einer Suche nicht gefiltert werden",
    ),
    (
        r"random ordering .*",
        "order=random geht nur ohne weitere Sortierung und ohne offset",
    ),
    (r"filtering by .* is not supported", "Diese Filter lassen sich nicht kombinieren"),
    (
        r"field filter error\. '(?P<value>.*)' is not a valid value for (?P<name>\w+).*",
        "„{value}“ ist kein gültiger Wert für {name}",
    ),
    (r"Your query returned multiple sites.*", "site passt auf mehrere Websites"),
]


def german_message(message):
    """The API's German answer to one of Wagtail's parameter errors."""
    for pattern, german in WAGTAIL_MESSAGES:
        if match := re.fullmatch(pattern, message, flags=re.DOTALL):
            return german.format(**match.groupdict())
    return "Ungültige Anfrage"


def _whole_number(value):
    try:
        return int(value)
    except ValueError:
        return None


def filter_value_error(model, name, value):
    """Why ``value`` cannot filter ``model`` by the field ``name`` (``None`` if it can):
    Wagtail passes it to the database as it comes, and the database raises."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    # A relation is filtered by the key of the related row.
    target = getattr(field, "target_field", field) if field.is_relation else field
    if isinstance(target, models.BooleanField):
        return None  # Wagtail checks true/false itself
    try:
        python = target.to_python(value)
        if isinstance(target, models.IntegerField) and python is not None:
            low, high = connection.ops.integer_field_range(target.get_internal_type())
            if (low is not None and python < low) or (high is not None and python > high):
                raise ValidationError("out of range")
        # Dates as the calendar's filter takes them: far-off years overflow when converted
        # to UTC (SQLite) or reach back before the common era (PostgreSQL).
        if isinstance(python, datetime.date) and not 1900 <= python.year <= 2999:
            raise ValidationError("out of range")
        target.get_db_prep_value(python, connection)
    except (ValidationError, ValueError, TypeError, OverflowError):
        return f"„{value[:100]}“ ist kein gültiger Wert für {name}"
    return None


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters (``?start=``, ``?alias_of=``, ``?topics=``), with values
    the field cannot hold answered by 400 instead of a server error."""

    def filter_queryset(self, request, queryset, view):
        if "region" in request.GET:  # the German values of before still filter (#14)
            request._request.GET = request.GET.copy()
            request._request.GET["region"] = Region.from_value(request.GET["region"])
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True))
        for name, value in request.GET.items():
            if name in fields and name != "locale":
                if error := filter_value_error(queryset.model, name, value):
                    raise ApiError(error)
        return super().filter_queryset(request, queryset, view)


class SitePagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = _whole_number(request.GET.get("offset", "0"))
        if offset is not None and offset > INTEGER_MAX:
            raise ApiError(f"offset darf höchstens {INTEGER_MAX} sein")
        return super().paginate_queryset(queryset, request, view)


class TopicAndUpcomingFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        locale = request.GET.get("locale")
        if locale is not None and locale not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
            raise ApiError("locale muss eine der Sprachen der Website sein")
        if topic := request.GET.get("topic"):
            tagged = Q()
            for model in topic_page_models():
                tagged |= Q(pk__in=model.objects.filter(topics__slug=topic).values("pk"))
            queryset = queryset.filter(tagged)
        if (upcoming := request.GET.get("upcoming")) is not None:
            if upcoming.lower() in TRUE:
                events = EventPage.objects.upcoming()
            elif upcoming.lower() in FALSE:
                events = EventPage.objects.past()
            else:
                raise ApiError("upcoming muss true oder false sein")
            queryset = queryset.filter(pk__in=events.values("pk"))
        return queryset


class IndexedSearchFilter(SearchFilter):
    """Wagtail's ``?search=`` over what the listing shows. The search index can only
    filter by indexed fields, while the listing's rules (on the board today, no alias,
    public) reach into other tables; so the search gets the listing as a set of ids."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            queryset = queryset.model.objects.filter(
                pk__in=list(queryset.values_list("pk", flat=True))
            )
        return super().filter_queryset(request, queryset, view)


# Ours instead of Wagtail's field and search filters; Wagtail's SearchFilter stays last.
OUR_FILTERS = {FieldsFilter: CheckedFieldsFilter, SearchFilter: IndexedSearchFilter}


class GermanErrorsMixin:
    """What every endpoint checks first and how it answers: a NUL character in a parameter
    is refused before any view of the API runs (no database takes it), and Wagtail's own
    parameter errors are answered in German, still 400 with ``message``."""

    # Errors already worded in German.
    german_errors = (ApiError,)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                raise ApiError(f"Nullzeichen sind in {name!r} nicht erlaubt")

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError) and not isinstance(exc, self.german_errors):
            exc = ApiError(german_message(str(exc)))
        if isinstance(exc, Http404):
            return Response({"message": "Diese Seite gibt es nicht"}, status=404)
        return super().handle_exception(exc)


class SitePagesAPIViewSet(GermanErrorsMixin, PagesAPIViewSet):
    filter_backends = [
        TopicAndUpcomingFilter,
        *(OUR_FILTERS.get(backend, backend) for backend in PagesAPIViewSet.filter_backends),
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["topic", "upcoming"])
    pagination_class = SitePagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        operator = request.GET.get("search_operator")
        if operator and operator.lower() not in SEARCH_OPERATORS:
            raise ApiError("search_operator muss and oder or sein")

    def find_object(self, queryset, request):
        """``?id=`` must be a page id; Wagtail hands any text to the database."""
        if "id" in request.GET:
            page_id = _whole_number(request.GET["id"])
            if page_id is None or not 0 < page_id <= INTEGER_MAX:
                raise ApiError("id muss eine positive ganze Zahl sein")
        return super().find_object(queryset, request)

    def get_base_queryset(self, model=Page):
        """Pages an anonymous visitor may see (Wagtail's rule), of ``model``, without
        notices that do not hang on the board today."""
        try:
            pages = get_public_pages_queryset(self.request, model)
        except ValueError as e:
            raise BadRequestError(str(e)) from e
        # Conditions on the rows themselves, not lists of page ids to leave out: a page of
        # the listing then reads only the pages it shows, however many there are.
        today = timezone.localdate()
        if model is NoticePage:
            pages = pages.on_board(today)
        elif model is Page:
            pages = pages.exclude(off_board_q(today, prefix="noticepage__"))
        # One language at a time: ?locale=en, German without it; never the aliases that
        # mirror German pages in a language's tree until they are translated.
        pages = pages.filter(alias_of__isnull=True)
        if "locale" not in self.request.GET:
            pages = pages.filter(locale=Locale.get_default())
        return pages

    def get_queryset(self):
        """One page type (``?type=home.NoticePage``) is asked for on that type's table
        directly, instead of Wagtail's list of the ids of all visible pages."""
        if requested := self.request.GET.get("type"):
            try:
                models = page_models_from_string(requested)
            except (LookupError, ValueError) as e:
                raise ApiError("Diesen Seitentyp gibt es nicht") from e
            if len(models) == 1:
                return self.with_relations(self.get_base_queryset(models[0]))
        return super().get_queryset().select_related("locale")

    def with_relations(self, pages):
        """Each page's language and the related objects asked for (``?fields=topics,venue``
        or ``*``) are read for the whole listing at once, not once per page."""
        asked = set(re.findall(r"\w+|\*", self.request.GET.get("fields", "")))
        api_names = {getattr(f, "name", f) for f in getattr(pages.model, "api_fields", [])}
        single, many = ["locale"], []
        for name, lookups in getattr(pages.model, "api_prefetch", {}).items():
            if "*" in asked or name in asked:
                many += lookups
        if pages.model is EventPage and asked & {"*", "next_start", "next_end", "next_cancelled"}:
            pages = pages.with_next_occurrence()
        for field in pages.model._meta.get_fields():
            if not ("*" in asked or field.name in asked):
                continue
            if field.auto_created:
                # Child rows shown in the API (a notice's opening hours), not every
                # reverse relation a page has.
                if field.one_to_many and field.name in api_names:
                    many.append(field.name)
            elif field.many_to_one or field.one_to_one:
                single.append(field.name)
            elif field.many_to_many:
                many.append(field.name)
        return pages.select_related(*single).prefetch_related(*many)


class SiteOccurrencesAPIViewSet(GermanErrorsMixin, OccurrencesAPIViewSet):
    """The dates of events (events/api.py), paginated and answering as the pages do."""

    german_errors = (ApiError, OccurrenceQueryError)
    pagination_class = SitePagination


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
api_router.register_endpoint("occurrences", SiteOccurrencesAPIViewSet)
