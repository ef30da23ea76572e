"""Site search: live, public pages of the current language, found by their stems, with
facets per type and topic. Views stay thin; this module holds the rules."""

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.query import Or, PlainText
from wagtail.search.utils import normalise_query_string

from events.models import EventPage
from home.models import NoticePage
from kupferstadt import page_cache
from kupferstadt.i18n import (
    has_own_text,
    is_source_language,
    own_language_first,
    shown_in_q,
    snippets_shown_in_q,
)
from kupferstadt.models import Topic
from kupferstadt.registry import search_facets, searchable_page_models, topic_page_models
from kupferstadt.stemming import stemmed_text

MAX_QUERY_LENGTH = 200


def searchable_pages(locale, archive=False):
    """Pages a citizen may find: live, public, of the searchable types, as a visitor of
    ``locale`` reads them (its translations, else the German originals: ``shown_in_q``);
    notices only while they hang on the board, unless the archive is asked for."""
    pages = Page.objects.live().public().type(*searchable_page_models())
    # alias_of is no filter field of the search index: the language rule applies to the
    # candidates by their ids. In German, the locale (a filter field) leaves out the other
    # languages' trees, so only German aliases are looked up, not every other page.
    if is_source_language(locale.language_code):
        pages = pages.filter(locale=locale)
        hidden = Page.objects.filter(locale=locale).exclude(has_own_text())
    else:
        hidden = Page.objects.exclude(shown_in_q(locale.language_code))
    pages = pages.exclude(pk__in=hidden.values("pk"))
    today = timezone.localdate()
    if archive:
        hidden = NoticePage.objects.not_begun(today)
    else:
        hidden = NoticePage.objects.off_board(today)
    return pages.exclude(pk__in=hidden.values("pk"))


def type_key(content_type_id):
    """The facet key ("notices", ...) of a page type (its ``search_facet``)."""
    return ContentType.objects.get_for_id(content_type_id).model_class().search_facet.key


class ChainedResults:
    """Two lists read as one (upcoming events, then past ones)."""

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


class RankedPages:
    """Matches in order of relevance, as ``(pk, content_type_id)``; only the pages of the
    slice a paginator asks for are loaded, one query per page type on that slice."""

    def __init__(self, matches):
        self.matches = matches

    def count(self):
        return len(self.matches)

    def __len__(self):
        return len(self.matches)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        wanted = self.matches[index]
        pks_by_type = {}
        for pk, content_type_id in wanted:
            pks_by_type.setdefault(content_type_id, []).append(pk)
        pages = {}
        for content_type_id, pks in pks_by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            pages.update(model.objects.with_language().in_bulk(pks))
        return [pages[pk] for pk, _content_type_id in wanted]


@dataclass
class SiteSearch:
    """One search as the visitor asked for it; messages say what was changed or ignored.

    The full-text search runs once: it finds every match of the query, best first, with
    all filters but type and topic. Type and topic filters and both facets are then
    worked out from that list and one query for the matches' topics, so a search costs
    the same number of queries however many pages match."""

    query: str
    locale: Locale
    type: str = ""
    topic_slug: str = ""
    archive: bool = False
    messages: list = field(default_factory=list)

    def __post_init__(self):
        self.language = self.locale.language_code
        self.stemmed = stemmed_text(self.query, self.language)
        # German originals stand in for missing translations (``searchable_pages``):
        # they are indexed with German stems, so the query is stemmed the German way too.
        self.source_stemmed = stemmed_text(self.query, settings.LANGUAGE_CODE)
        self.query_stems = set(self.stemmed.split()) | set(self.source_stemmed.split())
        self.topic = None
        if self.type and self.type not in search_facets():
            self.messages.append(
                _("Die Art „%(value)s“ gibt es nicht; es wird in allem gesucht.")
                % {"value": self.type[:40]}
            )
            self.type = ""
        if self.topic_slug:
            shown = Topic.objects.filter(snippets_shown_in_q(Topic, self.language))
            shown = shown.filter(slug=self.topic_slug)
            self.topic = shown.order_by(own_language_first(self.language)).first()
            if self.topic is None:
                self.messages.append(
                    _("Das Thema „%(value)s“ gibt es nicht; der Filter wurde nicht angewendet.")
                    % {"value": self.topic_slug[:40]}
                )

    @property
    def has_words(self):
        return bool(self.stemmed)

    @cached_property
    def _rows(self):
        """``(pk, content_type_id, topic or None)`` of every match, most relevant first, the
        topic as its translation key (a German original carries the German topic); a page
        with several topics comes once per topic. Kept in the page cache until the
        next publish (or midnight), so a frequent search runs the full-text query once."""
        if not settings.KUPFERSTADT_PAGE_CACHE_SECONDS:
            return self._search_rows()
        raw = "|".join(
            [self.language, str(self.archive), timezone.localdate().isoformat(), self.stemmed]
            + [self.source_stemmed]
        )
        key = "kupferstadt:search:2:" + hashlib.sha256(raw.encode()).hexdigest()
        generation, rows = page_cache.current(key)
        if rows is None:
            rows = self._search_rows()
            page_cache.store(key, generation, rows)
        return rows

    def _search_rows(self):
        pages = searchable_pages(self.locale, self.archive)
        if is_source_language(self.language) or self.source_stemmed == self.stemmed:
            results = pages.search(self.stemmed, operator="and")
        else:
            either = Or(
                [
                    PlainText(self.stemmed, operator="and"),
                    PlainText(self.source_stemmed, operator="and"),
                ]
            )
            results = pages.search(either)
        if not hasattr(results, "get_queryset"):  # OpenSearch / Elasticsearch
            return self._rows_with_topics([(page.pk, page.content_type_id) for page in results])
        # Wagtail's database backends: one ranked query, topics joined, no pages loaded.
        # A page is of one type only, so at most one of the topic relations joins.
        relations = [
            f"{model._meta.model_name}__topics__translation_key" for model in topic_page_models()
        ]
        topic = Coalesce(*relations) if len(relations) > 1 else F(relations[0])
        return list(results.get_queryset().values_list("pk", "content_type_id", topic))

    def _rows_with_topics(self, matches):
        ids = [pk for pk, _ct in matches]
        topics_of = {}
        for model in topic_page_models():
            name = model._meta.model_name
            pairs = model.topics.through.objects.filter(**{f"{name}_id__in": ids})
            for pk, topic_key in pairs.values_list(f"{name}_id", "topic__translation_key"):
                topics_of.setdefault(pk, []).append(topic_key)
        return [(pk, ct, t) for pk, ct in matches for t in topics_of.get(pk) or [None]]

    @cached_property
    def _matches(self):
        """``(pk, content_type_id, facet key)`` of every match, most relevant first."""
        keys, matches = {}, {}
        for pk, ct, _topic in self._rows:
            if pk not in matches:
                if ct not in keys:
                    keys[ct] = type_key(ct)
                matches[pk] = (pk, ct, keys[ct])
        return list(matches.values())

    @cached_property
    def _topic_pairs(self):
        """``(pk, topic translation key)`` of every match that has topics."""
        return {(pk, topic_key) for pk, _ct, topic_key in self._rows if topic_key is not None}

    @cached_property
    def _in_topic(self):
        """The matches with the chosen topic; ``None`` without a topic filter."""
        if not self.topic:
            return None
        key = self.topic.translation_key
        return {pk for pk, topic_key in self._topic_pairs if topic_key == key}

    def _selected(self, with_type=True, with_topic=True):
        """The matches that pass the filters asked for, most relevant first."""
        matches = self._matches
        if with_type and self.type:
            matches = [match for match in matches if match[2] == self.type]
        if with_topic and self._in_topic is not None:
            matches = [match for match in matches if match[0] in self._in_topic]
        return matches

    def results(self):
        matches = [(pk, ct) for pk, ct, _key in self._selected()]
        if self.type == "events":
            # Upcoming events first, soonest first; then past ones, latest first.
            events = EventPage.objects.filter(pk__in=[pk for pk, _ct in matches])
            events = events.with_language()
            return ChainedResults(
                events.upcoming().order_by("start", "pk"),
                events.past().order_by("-start", "pk"),
            )
        return RankedPages(matches)

    def type_counts(self):
        """Matches per type (with the topic filter, whatever the type filter)."""
        facets = search_facets()
        counts = dict.fromkeys(facets, 0)
        counts.update(Counter(key for _pk, _ct, key in self._selected(with_type=False)))
        return [
            {"key": key, "label": facets[key][0], "count": count} for key, count in counts.items()
        ]

    def topic_counts(self):
        """Matches per topic (with the type filter, whatever the topic filter)."""
        pairs = self._topic_pairs
        if self.type:
            of_type = {pk for pk, _ct, _key in self._selected(with_topic=False)}
            pairs = [(pk, topic_key) for pk, topic_key in pairs if pk in of_type]
        counter = Counter(topic_key for _pk, topic_key in pairs)
        if not counter:
            return []
        topics = Topic.objects.filter(snippets_shown_in_q(Topic, self.language))
        topics = topics.filter(translation_key__in=counter)
        return [
            {"topic": topic, "count": counter[topic.translation_key]}
            for topic in topics.order_by("name")
        ]

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
