"""The Übersetzungsstand: for every German page and translatable snippet and every other
language, whether the translation is missing, machine-made, out of date or current.

wagtail-localize keeps what it needs for this (the extracted source, its string segments
and the translated strings) but offers no overview. Everything is read in a fixed number
of queries: a few for pages, a few per snippet type and one per language.

The rows come in the order a translator works through them (``Row.priority``): first
live German content that has no human translation yet ("fehlt", "maschinell"), then live
content whose translation is out of date, then German drafts, then what is done; within
each, the content published first comes first (it has waited longest).
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, partial

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .i18n import has_own_text
from .models import MachineTranslation, MachineTranslationState
from .registry import translatable_snippet_models

MISSING, MACHINE, OUTDATED, CURRENT = "missing", "machine", "outdated", "current"
STATES = {
    MISSING: _("fehlt"),
    # Machine-made text, published with the mark or waiting as a draft; nobody has read
    # it yet.
    MACHINE: _("maschinell"),
    OUTDATED: _("veraltet"),
    CURRENT: _("aktuell"),
}
# States of a translation nobody has written or read yet.
UNTRANSLATED = (MISSING, MACHINE)
SNIPPETS_SECTION = "stammdaten"
NEVER = datetime.datetime.min.replace(tzinfo=datetime.UTC)


@dataclass
class Cell:
    locale: Locale
    state: str
    # The address of the editor or of the translation form, or a function that makes it:
    # only the rows on the screen need theirs (there are thousands).
    link: object
    # What the machine translator did: the state's label ("Entwurf wartet auf
    # Durchsicht", ...), and the engine's error when it failed.
    machine: str = ""
    error: str = ""

    @property
    def label(self):
        return STATES[self.state]

    @cached_property
    def url(self):
        return self.link() if callable(self.link) else self.link


def _submit_page_url(page_pk, locale):
    url = reverse("wagtail_localize:submit_page_translation", args=[page_pk])
    return f"{url}?select_locale={locale.language_code}"


def _edit_page_url(page_pk):
    return reverse("wagtailadmin_pages:edit", args=[page_pk])


def _submit_snippet_url(model, pk, locale):
    meta = model._meta
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=[meta.app_label, meta.model_name, pk]
    )
    return f"{url}?select_locale={locale.language_code}"


def _edit_snippet_url(url_finder, obj):
    return url_finder.get_edit_url(obj) or ""


@dataclass(slots=True)
class Row:
    title: str
    kind: str
    section: str
    cells: list = field(default_factory=list)
    # Whether visitors see the German original (snippets are always in use), and when it
    # was first published.
    live: bool = True
    published_at: datetime.datetime | None = None

    @property
    def waiting(self):
        """Whether a translator has something to do here: live content whose translation
        is missing, machine-made or out of date."""
        return self.live and any(cell.state != CURRENT for cell in self.cells)

    @property
    def priority(self):
        """Sort key: what a translator should do first comes first."""
        states = {cell.state for cell in self.cells}
        if not self.live:
            group = 2 if states - {CURRENT} else 3
        elif states & set(UNTRANSLATED):
            group = 0
        elif OUTDATED in states:
            group = 1
        else:
            group = 3
        return (group, self.published_at is None, self.published_at or NEVER)


def _progress(source_ids, locales):
    """(source id, locale id) -> (segments, translated segments), one query per locale;
    ``source_ids`` is a subquery."""
    result = {}
    for locale in locales:
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale.pk,
            has_error=False,
        )
        rows = (
            StringSegment.objects.filter(source_id__in=source_ids)
            .annotate(done=Exists(translated))
            .values("source_id")
            .annotate(total=Count("pk"), translated=Count("pk", filter=Q(done=True)))
        )
        for row in rows:
            result[row["source_id"], locale.pk] = (row["total"], row["translated"])
    return result


class TranslationStatus:
    """Computes the report for the given languages and section."""

    def __init__(self, locales, section=None):
        self.source_locale = Locale.get_default()
        self.locales = list(locales)
        self.section = section
        self.url_finder = None

    def sections(self):
        home = Page.objects.filter(depth=2, locale=self.source_locale).first()
        pages = home.get_children().order_by("path") if home else Page.objects.none()
        return [(str(page.pk), page.title) for page in pages] + [
            (SNIPPETS_SECTION, str(_("Stammdaten")))
        ]

    def rows(self, user):
        self.url_finder = AdminURLFinder(user)
        rows = []
        if self.section in (None, "") or self.section != SNIPPETS_SECTION:
            rows += self._page_rows()
        if self.section in (None, "", SNIPPETS_SECTION):
            for model in translatable_snippet_models():
                rows += self._snippet_rows(model)
        # Stable: rows of equal priority keep the tree's order.
        return sorted(rows, key=lambda row: row.priority)

    def _sources(self, keys, content_types):
        """The sources of the objects whose translation keys ``keys`` (a subquery) gives,
        their translations and their progress. Subqueries, not lists of ids: with
        thousands of pages the lists cost more than the queries."""
        sources = TranslationSource.objects.filter(
            object_id__in=keys, locale=self.source_locale, specific_content_type__in=content_types
        )
        by_key = {s["object_id"]: s for s in sources.values("pk", "object_id", "last_updated_at")}
        source_ids = sources.values("pk")
        translations = {
            (t["source_id"], t["target_locale_id"]): t["pk"]
            for t in Translation.objects.filter(source_id__in=source_ids, enabled=True).values(
                "pk", "source_id", "target_locale_id"
            )
        }
        progress = _progress(source_ids, self.locales)
        return by_key, translations, progress

    def _state(self, source, translation_id, progress, locale, changed_since=None):
        if source is not None and translation_id is not None:
            total, translated = progress.get((source["pk"], locale.pk), (0, 0))
            if translated < total:
                return OUTDATED
        if changed_since:
            return OUTDATED
        return CURRENT

    def _page_rows(self):
        pages = Page.objects.filter(has_own_text(), locale=self.source_locale, depth__gt=1)
        if self.section:
            section = Page.objects.filter(pk=self.section, locale=self.source_locale).first()
            pages = pages.descendant_of(section, inclusive=True) if section else pages.none()
        query = pages
        # Plain values, not page objects: the report reads a few fields of every page.
        pages = list(
            query.order_by("path").values(
                "pk",
                "title",
                "path",
                "depth",
                "live",
                "content_type_id",
                "translation_key",
                "first_published_at",
                "last_published_at",
            )
        )
        if not pages:
            return []
        titles = {page["path"]: page["title"] for page in pages}
        keys = query.values("translation_key")
        others = {
            (p["translation_key"], p["locale_id"]): p
            for p in Page.objects.filter(translation_key__in=keys, locale__in=self.locales).values(
                "pk", "translation_key", "locale_id", "alias_of_id", "last_published_at"
            )
        }
        content_types = {page["content_type_id"] for page in pages}
        kinds = {
            pk: str(ContentType.objects.get_for_id(pk).model_class()._meta.verbose_name)
            for pk in content_types
        }
        sources, translations, progress = self._sources(keys, content_types)
        machine = self._machine_translations()
        rows = []
        for page in pages:
            section_path = page["path"][: Page.steplen * 3]
            row = Row(
                title=page["title"],
                kind=kinds[page["content_type_id"]],
                section=titles.get(section_path, "") if page["depth"] > 2 else "",
                live=page["live"],
                published_at=page["first_published_at"],
            )
            source = sources.get(page["translation_key"])
            last_published_at = page["last_published_at"]
            for locale in self.locales:
                other = others.get((page["translation_key"], locale.pk))
                made = machine.get((page["pk"], locale.pk))
                if made is not None and made["state"] != MachineTranslationState.FAILED:
                    row.cells.append(self._machine_cell(page["pk"], locale, other, made))
                    continue
                error = made["error"] if made is not None else ""
                if other is None or other["alias_of_id"]:
                    link = partial(_submit_page_url, page["pk"], locale)
                    row.cells.append(Cell(locale, MISSING, link, error=error))
                    continue
                translation_id = translations.get((source["pk"], locale.pk)) if source else None
                changed_since = False
                if source is not None and last_published_at:
                    changed_since = last_published_at > source["last_updated_at"]
                elif last_published_at and other["last_published_at"]:
                    changed_since = last_published_at > other["last_published_at"]
                state = self._state(source, translation_id, progress, locale, changed_since)
                link = partial(_edit_page_url, other["pk"])
                row.cells.append(Cell(locale, state, link, error=error))
            rows.append(row)
        return rows

    def _machine_translations(self):
        """(German page id, locale id) -> what the machine translator did, one query."""
        rows = MachineTranslation.objects.filter(
            source__locale=self.source_locale, locale__in=self.locales
        ).values("source_id", "locale_id", "page_id", "state", "error")
        return {(row["source_id"], row["locale_id"]): row for row in rows}

    def _machine_cell(self, page_pk, locale, other, made):
        """A translation the machine made: the translator reads it in the translation
        editor (the target page's edit view leads there)."""
        target_id = made["page_id"] or (other["pk"] if other else None)
        if target_id:
            link = partial(_edit_page_url, target_id)
        else:
            link = partial(_submit_page_url, page_pk, locale)
        label = MachineTranslationState(made["state"]).label
        # A failure on text already live keeps the state (and the mark) and shows the error.
        return Cell(locale, MACHINE, link, machine=str(label), error=made["error"])

    def _snippet_rows(self, model):
        objects = list(model.objects.filter(locale=self.source_locale))
        if not objects:
            return []
        keys = model.objects.filter(locale=self.source_locale).values("translation_key")
        others = {
            (o.translation_key, o.locale_id): o
            for o in model.objects.filter(translation_key__in=keys, locale__in=self.locales)
        }
        content_type = ContentType.objects.get_for_model(model)
        sources, translations, progress = self._sources(keys, [content_type.pk])
        rows = []
        for obj in objects:
            row = Row(
                title=str(obj), kind=str(model._meta.verbose_name), section=str(_("Stammdaten"))
            )
            source = sources.get(obj.translation_key)
            for locale in self.locales:
                other = others.get((obj.translation_key, locale.pk))
                if other is None:
                    link = partial(_submit_snippet_url, model, obj.pk, locale)
                    row.cells.append(Cell(locale, MISSING, link))
                    continue
                translation_id = translations.get((source["pk"], locale.pk)) if source else None
                state = self._state(source, translation_id, progress, locale)
                link = partial(_edit_snippet_url, self.url_finder, other)
                row.cells.append(Cell(locale, state, link))
            rows.append(row)
        return rows


def counts(rows, locales):
    """Per language: how many translations are missing, machine-made, out of date and
    current (by state, and as ``counts`` in the order of ``STATES``)."""
    result = {locale.pk: Counter() for locale in locales}
    for row in rows:
        for cell in row.cells:
            result[cell.locale.pk][cell.state] += 1
    return [
        {
            "locale": locale,
            **{state: result[locale.pk][state] for state in STATES},
            "counts": [{"state": state, "number": result[locale.pk][state]} for state in STATES],
        }
        for locale in locales
    ]
