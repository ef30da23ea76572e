"""The rows of the Übersetzungsstand on one screen: title, kind and section of a German
page or snippet, and per language a cell with the state the database found, the link to
edit or start the translation and what the machine translator did.

Read for the rows shown only (``translation_status`` finds which), in a fixed number of
queries: three for pages, one per snippet type.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property, partial

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from .models import MachineTranslation, MachineTranslationState
from .translation_states import CURRENT, MACHINE, MISSING, STATES


@dataclass
class Cell:
    locale: Locale
    state: str
    # The address of the editor or of the translation form, or a function that makes it.
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


def page_rows(pks, source_locale, locales, listed):
    """``{(0, pk): (row without cells, function(locale, state) making a cell)}`` for the
    German pages ``pks``; ``listed`` is the report's queryset of pages (a row's section
    is the page of the third level above it, if the report lists it)."""
    keys = Page.objects.filter(pk__in=pks).values("translation_key")
    german, others = {}, {}
    for page in Page.objects.filter(
        translation_key__in=keys, locale__in=[source_locale, *locales]
    ).values(
        "pk",
        "title",
        "path",
        "depth",
        "live",
        "first_published_at",
        "content_type_id",
        "translation_key",
        "locale_id",
    ):
        if page["pk"] in pks:
            german[page["pk"]] = page
        else:
            others[page["translation_key"], page["locale_id"]] = page["pk"]
    paths = {page["path"][: Page.steplen * 3] for page in german.values()}
    titles = dict(listed.filter(path__in=paths).values_list("path", "title"))
    machine = {
        (made["source_id"], made["locale_id"]): made
        for made in MachineTranslation.objects.filter(source_id__in=pks, locale__in=locales).values(
            "source_id", "locale_id", "page_id", "state", "error"
        )
    }
    rows = {}
    for pk, page in german.items():
        model = ContentType.objects.get_for_id(page["content_type_id"]).model_class()
        section = titles.get(page["path"][: Page.steplen * 3], "")
        row = Row(
            title=page["title"],
            kind=str(model._meta.verbose_name),
            section=section if page["depth"] > 2 else "",
            live=page["live"],
            published_at=page["first_published_at"],
        )

        def cell(locale, state, pk=pk, key=page["translation_key"]):
            other = others.get((key, locale.pk))
            return _page_cell(pk, locale, state, other, machine.get((pk, locale.pk)))

        rows[0, pk] = (row, cell)
    return rows


def _page_cell(page_pk, locale, state, other_pk, made):
    """A machine translation is read in the translation editor (the target page's edit
    view leads there), a missing one is started with the translation form, any other
    translation is edited; the machine's error shows where it failed."""
    error = made["error"] if made is not None else ""
    if state == MACHINE and made is not None:
        target_id = made["page_id"] or other_pk
        if target_id:
            link = partial(_edit_page_url, target_id)
        else:
            link = partial(_submit_page_url, page_pk, locale)
        label = MachineTranslationState(made["state"]).label
        # A failure on text already live keeps the state (and the mark) and shows the error.
        return Cell(locale, MACHINE, link, machine=str(label), error=error)
    if state == MISSING or other_pk is None:
        return Cell(locale, state, partial(_submit_page_url, page_pk, locale), error=error)
    return Cell(locale, state, partial(_edit_page_url, other_pk), error=error)


def snippet_rows(model, kind, pks, source_locale, locales, url_finder):
    """``{(kind, pk): (row without cells, function(locale, state) making a cell)}`` for
    the German snippets ``pks``, in one query: the objects and their translations."""
    keys = model.objects.filter(pk__in=pks).values("translation_key")
    german, others = {}, {}
    for obj in model.objects.filter(translation_key__in=keys, locale__in=[source_locale, *locales]):
        if obj.pk in pks and obj.locale_id == source_locale.pk:
            german[obj.pk] = obj
        else:
            others[obj.translation_key, obj.locale_id] = obj
    rows = {}
    for pk, obj in german.items():
        row = Row(title=str(obj), kind=str(model._meta.verbose_name), section=str(_("Stammdaten")))

        def cell(locale, state, obj=obj):
            other = others.get((obj.translation_key, locale.pk))
            if state == MISSING or other is None:
                return Cell(locale, state, partial(_submit_snippet_url, model, obj.pk, locale))
            return Cell(locale, state, partial(_edit_snippet_url, url_finder, other))

        rows[kind, pk] = (row, cell)
    return rows
