"""The read-only open data API (Wagtail API v2) for notices, events and initiatives.

Only live, public pages appear (Wagtail's own rule); notices appear only while they
hang on the board. One language at a time: German, or ``?locale=en`` (tr, ar, uk).
Extra filters: ``topic=<slug>`` and ``upcoming=true|false``.
"""

from django.conf import settings
from django.db.models import Q
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale

from events.models import EventPage
from home.models import NoticePage
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

    def get_base_queryset(self):
        hidden = NoticePage.objects.exclude(pk__in=NoticePage.objects.current().values("pk"))
        pages = super().get_base_queryset().exclude(pk__in=hidden.values("pk"))
        # One language at a time: ?locale=en, German without it; never the aliases that
        # mirror German pages in a language's tree until they are translated.
        pages = pages.filter(alias_of__isnull=True)
        if "locale" not in self.request.GET:
            pages = pages.filter(locale=Locale.get_default())
        return pages


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", SitePagesAPIViewSet)
