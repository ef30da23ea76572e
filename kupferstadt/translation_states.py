"""The rules of the Übersetzungsstand as SQL: for a German page or snippet and one
language, whether its translation is missing, machine-made, out of date or current, and
from the states of a row its place in a translator's order of work.

The states are annotations, the groups SQL over them, so that the database orders, pages
and counts the report: a screen then costs the same whether the site has a thousand pages
or ten thousand, and Python builds only the rows on it.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from .choices import MachineTranslationState
from .models import MachineTranslation

MISSING, MACHINE, OUTDATED, CURRENT = "missing", "machine", "outdated", "current"
STATES = {
    MISSING: _("fehlt"),
    # Machine-made text, published with the mark or waiting as a draft; nobody has read
    # it yet.
    MACHINE: _("maschinell"),
    OUTDATED: _("veraltet"),
    CURRENT: _("aktuell"),
}
# In the database a state is a number, in the order of urgency: the row's most urgent
# state is the least of its numbers.
STATE_CODES = {MISSING: 0, MACHINE: 1, OUTDATED: 2, CURRENT: 3}
STATE_NAMES = {code: state for state, code in STATE_CODES.items()}

# The groups of the report's order: live content without a human translation, live
# content with an out-of-date one, German drafts with something to do, the rest.
UNTRANSLATED_GROUP, OUTDATED_GROUP, DRAFT_GROUP, DONE_GROUP = 0, 1, 2, 3
WAITING_GROUPS = (UNTRANSLATED_GROUP, OUTDATED_GROUP)


def _code(state):
    return Value(STATE_CODES[state], output_field=IntegerField())


def _source(source_locale, content_type):
    """The German source wagtail-localize extracted from the outer row."""
    return TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        locale_id=source_locale.pk,
        specific_content_type_id=content_type,
    )


def _unfinished(source_locale, content_type, locale):
    """The outer row has an enabled translation into ``locale`` and one of its source's
    strings has no translation in it (a string added or changed in German since)."""
    done = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=locale.pk,
        has_error=False,
    )
    untranslated = StringSegment.objects.filter(source_id=OuterRef("source_id")).filter(
        ~Exists(done)
    )
    return Exists(
        Translation.objects.filter(
            source__object_id=OuterRef("translation_key"),
            source__locale_id=source_locale.pk,
            source__specific_content_type_id=content_type,
            target_locale_id=locale.pk,
            enabled=True,
        ).filter(Exists(untranslated))
    )


def page_state(locale, source_locale):
    """The state of the outer German page's translation into ``locale``: machine-made
    while a machine translation exists that did not fail; missing while the language has
    only the alias (or nothing); out of date when a string lacks its translation or the
    German page was published after the source was last extracted (after the
    translation itself, where there is no source); else current."""
    content_type = OuterRef("content_type_id")
    machine_made = MachineTranslation.objects.filter(
        source_id=OuterRef("pk"), locale_id=locale.pk
    ).exclude(state=MachineTranslationState.FAILED)
    own = Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale=locale, alias_of__isnull=True
    ).order_by()
    source = _source(source_locale, content_type)
    return Case(
        When(Exists(machine_made), then=_code(MACHINE)),
        When(~Exists(own), then=_code(MISSING)),
        When(_unfinished(source_locale, content_type, locale), then=_code(OUTDATED)),
        When(
            Q(last_published_at__gt=Subquery(source.values("last_updated_at")[:1])),
            then=_code(OUTDATED),
        ),
        When(
            ~Exists(source)
            & Q(last_published_at__gt=Subquery(own.values("last_published_at")[:1])),
            then=_code(OUTDATED),
        ),
        default=_code(CURRENT),
        output_field=IntegerField(),
    )


def snippet_state(model, locale, source_locale):
    """The state of the outer German snippet's translation into ``locale``: missing
    without an object in that language, out of date when a string lacks its translation,
    else current."""
    content_type = ContentType.objects.get_for_model(model).pk
    translated = model.objects.filter(translation_key=OuterRef("translation_key"), locale=locale)
    return Case(
        When(~Exists(translated), then=_code(MISSING)),
        When(_unfinished(source_locale, content_type, locale), then=_code(OUTDATED)),
        default=_code(CURRENT),
        output_field=IntegerField(),
    )


def state_names(locales):
    """The annotation names of the states, one per language."""
    return [f"ts_state_{index}" for index, _locale in enumerate(locales)]


def group_sql(names):
    """SQL for the row's group in the report's order, from the state columns ``names``
    and the column ``ts_live`` (whether the German original is live). Over the columns
    of a subquery: the states' own SQL is long, and written once."""
    if not names:
        return str(DONE_GROUP)

    def any_state(condition):
        return "(" + " OR ".join(f"{name} {condition}" for name in names) + ")"

    untranslated = any_state(f"<= {STATE_CODES[MACHINE]}")
    outdated = any_state(f"= {STATE_CODES[OUTDATED]}")
    to_do = any_state(f"< {STATE_CODES[CURRENT]}")
    return (
        f"CASE WHEN ts_live AND {untranslated} THEN {UNTRANSLATED_GROUP}"
        f" WHEN ts_live AND {outdated} THEN {OUTDATED_GROUP}"
        f" WHEN {to_do} THEN {DRAFT_GROUP} ELSE {DONE_GROUP} END"
    )


def has_state_sql(names, state):
    """SQL for rows with at least one translation in ``state``."""
    if not names:
        return "1 = 0"
    return "(" + " OR ".join(f"{name} = {STATE_CODES[state]}" for name in names) + ")"
