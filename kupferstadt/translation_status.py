"""The Übersetzungsstand: for every German page and translatable snippet and every other
language, whether the translation is missing, machine-made, out of date or current.

wagtail-localize keeps what it needs for this (the extracted source, its string segments
and the translated strings) but offers no overview. The states are SQL
(``translation_states``): the database orders the rows, cuts out the screen shown and
counts the overview, so a screen costs the same queries and about the same time with a
thousand pages as with ten thousand; only the rows on it become ``Row`` objects.

The rows come in the order a translator works through them: first live German content
that has no human translation yet ("fehlt", "maschinell"), then live content whose
translation is out of date, then German drafts, then what is done; within each, the
content published first comes first (it has waited longest), then the tree's order, then
the snippets (by type, in their own order).
"""

from collections import Counter
from functools import cached_property

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Case, DateTimeField, F, IntegerField, Value, When, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page

from . import translation_states as sql
from .i18n import has_own_text
from .registry import translatable_snippet_models
from .translation_rows import page_rows, snippet_rows
from .translation_states import STATES

SNIPPETS_SECTION = "stammdaten"
# The columns every source of rows gives (prefixed: the snippets have fields of their
# own), and the report's order over them and the row's group.
COLUMNS = [
    "ts_kind",
    "ts_pk",
    "ts_live",
    "ts_unpublished",
    "ts_published",
    "ts_path",
    "ts_position",
]
ORDER = ["ts_group", "ts_unpublished", "ts_published", "ts_kind", "ts_path", "ts_position", "ts_pk"]


class Rows:
    """The report's rows in its order, read from the database one slice at a time (what
    a paginator asks for): ``count()`` comes from the overview's counts, a slice costs
    one query for its order and a few for what its rows show."""

    def __init__(self, status, user, state="", waiting=False):
        self.status, self.user, self.state, self.waiting = status, user, state, waiting

    def count(self):
        return self.status.count(self.state, self.waiting)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop, _step = key.indices(self.count())
        if stop <= start:
            return []
        found = self.status.ordered(start, stop, self.state, self.waiting)
        return self.status.build(found, self.user)


class TranslationStatus:
    """The report for the given languages and section."""

    def __init__(self, locales, section=None):
        self.source_locale = Locale.get_default()
        self.locales = list(locales)
        self.section = section
        self.names = sql.state_names(self.locales)

    def sections(self):
        home = Page.objects.filter(depth=2, locale=self.source_locale).first()
        pages = home.get_children().order_by("path") if home else Page.objects.none()
        return [(str(page.pk), page.title) for page in pages] + [
            (SNIPPETS_SECTION, str(_("Stammdaten")))
        ]

    def rows(self, user, state=""):
        """Every row, or those with a translation in ``state``."""
        return Rows(self, user, state if state in STATES else "")

    def waiting(self, user):
        """The rows a translator has something to do in (``Row.waiting``)."""
        return Rows(self, user, waiting=True)

    # The sources of rows: German pages, then each snippet type, as annotated querysets.

    @cached_property
    def _pages(self):
        if self.section == SNIPPETS_SECTION:
            return None
        pages = Page.objects.filter(has_own_text(), locale=self.source_locale, depth__gt=1)
        if self.section:
            section = Page.objects.filter(pk=self.section, locale=self.source_locale).first()
            pages = pages.descendant_of(section, inclusive=True) if section else pages.none()
        return pages

    def _snippet_models(self):
        if self.section in (None, "", SNIPPETS_SECTION):
            return translatable_snippet_models()
        return []

    @cached_property
    def _parts(self):
        """``[(kind, model, queryset)]`` with the states and the columns of the order
        annotated (``COLUMNS``); kind 0 is pages, then the snippet types."""
        parts = []
        if self._pages is not None:
            states = {
                name: sql.page_state(locale, self.source_locale)
                for name, locale in zip(self.names, self.locales, strict=True)
            }
            unpublished = Case(
                When(first_published_at__isnull=True, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            pages = self._pages.annotate(
                ts_kind=Value(0),
                ts_pk=F("pk"),
                ts_live=F("live"),
                ts_unpublished=unpublished,
                ts_published=F("first_published_at"),
                ts_path=F("path"),
                ts_position=Value(0),
                **states,
            )
            parts.append((0, Page, pages))
        for kind, model in enumerate(self._snippet_models(), start=1):
            states = {
                name: sql.snippet_state(model, locale, self.source_locale)
                for name, locale in zip(self.names, self.locales, strict=True)
            }
            order = [*(model._meta.ordering or []), "pk"]
            objects = model.objects.filter(locale=self.source_locale).annotate(
                ts_kind=Value(kind),
                ts_pk=F("pk"),
                ts_live=Value(True),
                ts_unpublished=Value(1),
                ts_published=Value(None, output_field=DateTimeField()),
                ts_path=Value(""),
                ts_position=Window(RowNumber(), order_by=order),
                **states,
            )
            parts.append((kind, model, objects))
        return parts

    @cached_property
    def _source(self):
        """SQL and parameters of every row with its states and the columns of the order:
        one UNION ALL over the sources, compiled once (``None`` when there is none)."""
        selected = [qs.order_by().values(*COLUMNS, *self.names) for _k, _m, qs in self._parts]
        if not selected:
            return None
        rows = selected[0].union(*selected[1:], all=True) if len(selected) > 1 else selected[0]
        try:
            return rows.query.get_compiler(using=rows.db).as_sql()
        except EmptyResultSet:
            return None

    def _select(self, select, tail="", params=()):
        """Runs ``SELECT select FROM rows tail`` over the rows with their group."""
        if self._source is None:
            return []
        source, source_params = self._source
        query = (
            f"SELECT {select} FROM (SELECT ts_source.*, {sql.group_sql(self.names)} AS ts_group"
            f" FROM ({source}) ts_source) ts_rows {tail}"
        )
        # On PostgreSQL without JIT compilation (``DATABASE_JIT``, settings): the estimate
        # of the states' subqueries grows with the pages past jit_above_cost.
        with connection.cursor() as cursor:
            cursor.execute(query, [*source_params, *params])
            return cursor.fetchall()

    @cached_property
    def _combinations(self):
        """``[(states, group, number of rows)]`` for each combination of states and group
        that occurs: one aggregate query for all sources, whatever their size."""
        columns = ", ".join([*self.names, "ts_group"])
        found = self._select(f"{columns}, COUNT(*)", f"GROUP BY {columns}")
        return [(row[:-2], row[-2], row[-1]) for row in found]

    def summary(self):
        """Per language: how many translations are missing, machine-made, out of date and
        current (by state, and as ``counts`` in the order of ``STATES``)."""
        result = {locale.pk: Counter() for locale in self.locales}
        for states, _group, number in self._combinations:
            for code, locale in zip(states, self.locales, strict=True):
                result[locale.pk][sql.STATE_NAMES[code]] += number
        return [
            {
                "locale": locale,
                **{state: result[locale.pk][state] for state in STATES},
                "counts": [
                    {"state": state, "number": result[locale.pk][state]} for state in STATES
                ],
            }
            for locale in self.locales
        ]

    def count(self, state="", waiting=False):
        code = sql.STATE_CODES.get(state)
        return sum(
            number
            for states, group, number in self._combinations
            if (code is None or code in states) and (not waiting or group in sql.WAITING_GROUPS)
        )

    def ordered(self, start, stop, state="", waiting=False):
        """The keys and states of the rows ``start`` to ``stop`` in the report's order,
        as ``{"ts_kind": ..., "ts_pk": ..., <state name>: ...}``."""
        conditions = []
        if state:
            conditions.append(sql.has_state_sql(self.names, state))
        if waiting:
            conditions.append(f"ts_group IN {tuple(sql.WAITING_GROUPS)}")
        where = f"WHERE {' AND '.join(conditions)} " if conditions else ""
        columns = ["ts_kind", "ts_pk", *self.names]
        found = self._select(
            ", ".join(columns),
            f"{where}ORDER BY {', '.join(ORDER)} LIMIT %s OFFSET %s",
            [stop - start, start],
        )
        return [dict(zip(columns, row, strict=True)) for row in found]

    # The rows on the screen: three queries for pages and one per snippet type, also for
    # a type the screen does not show, so that every screen costs the same queries.

    def build(self, found, user):
        """``Row`` objects for the keys and states ``found`` by ``ordered()``."""
        url_finder = AdminURLFinder(user)
        built = {}
        for kind, model, _qs in self._parts:
            # (No key is 0: an empty list would skip the query.)
            pks = [item["ts_pk"] for item in found if item["ts_kind"] == kind] or [0]
            if model is Page:
                built.update(page_rows(pks, self.source_locale, self.locales, self._pages))
            else:
                built.update(
                    snippet_rows(model, kind, pks, self.source_locale, self.locales, url_finder)
                )
        rows = []
        for item in found:
            row, cell = built[item["ts_kind"], item["ts_pk"]]
            row.cells = [
                cell(locale, sql.STATE_NAMES[item[name]])
                for name, locale in zip(self.names, self.locales, strict=True)
            ]
            rows.append(row)
        return rows
