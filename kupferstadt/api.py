"""The read-only open data API (Wagtail API v2) for notices, events and initiatives.

Only live, public pages appear (Wagtail's own rule); notices appear only while they
hang on the board. One language at a time: German, or ``?locale=en`` (tr, ar, uk).
Extra filters: ``topic=<slug>`` and ``upcoming=true|false``.
"""

import re

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale, Page

from events.models import EventPage
from home.models import NoticePage
from home.rules import off_board_q
from projects.models import ProjectPage

TRUE, FALSE = {"true", "1", "ja"}, {"false", "0", "nein"}


class TopicAndUpcomingFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        locale = request.GET.get("locale")
        if locale is not None and locale not in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
            raise BadRequestError("locale muss eine der Sprachen der Website sein")
        if topic := request.GET.get("topic"):
            tagged = Q()
            for model in (NoticePage, EventPage, ProjectPage):
                tagged |= Q(pk__in=model.objects.filter(topics__slug=topic).values("pk"))
            queryset = queryset.filter(tagged)
        if (upcoming := request.GET.get("upcoming")) is not None:
            if upcoming.lower() in TRUE:
                events = EventPage.objects.upcoming()
            elif upcoming.lower() in FALSE:
                events = EventPage.objects.past()
            else:
                raise BadRequestError("upcoming muss true oder false sein")
            queryset = queryset.filter(pk__in=events.values("pk"))
        return queryset


class SitePagesAPIViewSet(PagesAPIViewSet):
    # Wagtail's SearchFilter must stay last.
    filter_backends = [TopicAndUpcomingFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["topic", "upcoming"])

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
                raise BadRequestError("type doesn't exist") from e
            if len(models) == 1:
                return self.with_relations(self.get_base_queryset(models[0]))
        return super().get_queryset().select_related("locale")

    def with_relations(self, pages):
        """Each page's language and the related objects asked for (``?fields=topics,venue``
        or ``*``) are read for the whole listing at once, not once per page."""
        asked = set(re.findall(r"\w+|\*", self.request.GET.get("fields", "")))
        single, many = ["locale"], []
        for field in pages.model._meta.get_fields():
            if field.auto_created or not ("*" in asked or field.name in asked):
                continue
            if field.many_to_one or field.one_to_one:
                single.append(field.name)
            elif field.many_to_many:
                many.append(field.name)
        return pages.select_related(*single).prefetch_related(*many)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
