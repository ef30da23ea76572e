"""Site search: live, public pages of the current language, found by their stems, with
facets per type and topic. Views stay thin; this module holds the rules."""

from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from events.models import EventPage
from home.models import NoticePage
from kupferstadt.models import (
    AccessibilityStatementPage,
    EasyLanguagePage,
    SignLanguagePage,
    StandardPage,
    Topic,
)
from projects.models import ProjectPage

from .stemming import stemmed_text

MAX_QUERY_LENGTH = 200

# Result types offered as facets: URL value -> (label, page models).
TYPES = {
    "notices": (_("Aushänge"), (NoticePage,)),
    "events": (_("Veranstaltungen"), (EventPage,)),
    "initiatives": (_("Initiativen"), (ProjectPage,)),
    "pages": (
        _("Seiten"),
        (StandardPage, EasyLanguagePage, AccessibilityStatementPage, SignLanguagePage),
    ),
}
TOPIC_MODELS = (NoticePage, EventPage, ProjectPage)
ALL_MODELS = tuple(model for _label, models in TYPES.values() for model in models)


def searchable_pages(locale, archive=False):
    """Pages a citizen may find: live, public, in ``locale``, of the searchable types;
    notices only while they hang on the board, unless the archive is asked for."""
    pages = Page.objects.live().public().filter(locale=locale).type(*ALL_MODELS)
    # wagtail-localize's aliases mirror German pages in a language's tree: not this
    # language's content.
    aliases = Page.objects.filter(locale=locale, alias_of__isnull=False)
    pages = pages.exclude(pk__in=aliases.values("pk"))
    today = timezone.localdate()
    if archive:
        hidden = NoticePage.objects.filter(valid_from__gt=today)
    else:
        hidden = NoticePage.objects.filter(Q(valid_until__lt=today) | Q(valid_from__gt=today))
    return pages.exclude(pk__in=hidden.values("pk"))


def with_topic(pages, topic):
    tagged = Q()
    for model in TOPIC_MODELS:
        tagged |= Q(pk__in=model.objects.filter(topics=topic).values("pk"))
    return pages.filter(tagged)


class ChainedResults:
    """Two search results read as one list (upcoming events, then past ones)."""

    def __init__(self, first, second):
        self.first, self.second = first, second

    def count(self):
        return self.first.count() + self.second.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return list(self[index : index + 1])[0]
        start, stop = index.start or 0, index.stop
        first_count = self.first.count()
        items = list(self.first[start:stop]) if start < first_count else []
        if stop is None or stop > first_count:
            items += list(
                self.second[
                    max(0, start - first_count) : None if stop is None else stop - first_count
                ]
            )
        return items


@dataclass
class SiteSearch:
    """One search as the visitor asked for it; messages say what was changed or ignored."""

    query: str
    locale: Locale
    type: str = ""
    topic_slug: str = ""
    archive: bool = False
    messages: list = field(default_factory=list)

    def __post_init__(self):
        self.language = self.locale.language_code
        self.stemmed = stemmed_text(self.query, self.language)
        self.query_stems = set(self.stemmed.split())
        self.topic = None
        if self.type and self.type not in TYPES:
            self.messages.append(
                _("Die Art „%(value)s“ gibt es nicht; es wird in allem gesucht.")
                % {"value": self.type[:40]}
            )
            self.type = ""
        if self.topic_slug:
            self.topic = Topic.objects.filter(slug=self.topic_slug, locale=self.locale).first()
            if self.topic is None:
                self.messages.append(
                    _("Das Thema „%(value)s“ gibt es nicht; der Filter wurde nicht angewendet.")
                    % {"value": self.topic_slug[:40]}
                )

    @property
    def has_words(self):
        return bool(self.stemmed)

    def _search(self, pages, order_by_relevance=True):
        return pages.search(self.stemmed, operator="and", order_by_relevance=order_by_relevance)

    def _pages(self, with_type=True, with_topic_filter=True):
        pages = searchable_pages(self.locale, self.archive)
        if with_type and self.type:
            pages = pages.type(*TYPES[self.type][1])
        if with_topic_filter and self.topic:
            pages = with_topic(pages, self.topic)
        return pages

    def results(self):
        if self.type == "events":
            # Upcoming events first, soonest first; then past ones, latest first.
            events = EventPage.objects.filter(pk__in=self._pages().values("pk"))
            return ChainedResults(
                self._search(events.upcoming().order_by("start"), order_by_relevance=False),
                self._search(events.past().order_by("-start"), order_by_relevance=False),
            )
        return self._search(self._pages().specific())

    def type_counts(self):
        by_content_type = self._search(self._pages(with_type=False)).facet("content_type_id")
        counts = []
        for key, (label, models) in TYPES.items():
            ids = {ContentType.objects.get_for_model(model).pk for model in models}
            total = sum(count for ct, count in by_content_type.items() if ct in ids)
            counts.append({"key": key, "label": label, "count": total})
        return counts

    def topic_counts(self):
        result_ids = list(self._search(self._pages(with_topic_filter=False)).facet("id"))
        counter = Counter()
        for model in TOPIC_MODELS:
            through = model.topics.through
            column = f"{model._meta.model_name}_id"
            counter.update(
                dict(
                    through.objects.filter(**{f"{column}__in": result_ids})
                    .values_list("topic_id")
                    .annotate(n=Count("pk"))
                )
            )
        topics = Topic.objects.filter(pk__in=counter, locale=self.locale).order_by("name")
        return [{"topic": topic, "count": counter[topic.pk]} for topic in topics]

    def promotions(self):
        normalised = normalise_query_string(self.query)
        return [
            promotion
            for promotion in SearchPromotion.objects.filter(query__query_string=normalised)
            .select_related("page")
            .order_by("sort_order")
            if promotion.external_link_url
            or (
                promotion.page
                and promotion.page.live
                and promotion.page.locale_id == self.locale.pk
            )
        ]
