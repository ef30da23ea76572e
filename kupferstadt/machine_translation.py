"""Machine translation as the first draft of every language.

When a German page is published, a background task (django-tasks, backend
``settings.MACHINE_TRANSLATION_TASKS``) asks the configured engine (DeepL, LibreTranslate;
the dummy in development) for the page's segments that have no translation yet in each
language, and stores them as wagtail-localize's machine translations. The language's
policy in the site settings decides what visitors see:

- "review" (default): the text waits pre-filled in the translation editor; an alias
  stays an alias (visitors read the German original), a translation made by a person
  gets a draft revision at most, never a change to what is live.
- "publish": the page is published at once and marked "maschinell übersetzt" with a link
  to the German original (``MachineTranslation`` with state "published").

A person who edits a segment in the translation editor and publishes makes it a human
translation: its ``MachineTranslation`` row is deleted and the mark goes. A failing engine
leaves the German publish untouched and stores its error for the Übersetzungsstand.
"""

import html
import logging
import re

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.strings import StringValue

from .models import (
    MachineTranslation,
    MachineTranslationPolicy,
    MachineTranslationState,
    SitePage,
    SiteSettings,
    protected_terms,
)

logger = logging.getLogger(__name__)

MACHINE = StringTranslation.TRANSLATION_TYPE_MACHINE
MANUAL = StringTranslation.TRANSLATION_TYPE_MANUAL


# Glossary ---------------------------------------------------------------------------------
#
# Every engine keeps markup it is given: a protected term travels inside a span marked
# translate="no" with its number, and whatever comes back inside that span is replaced by
# the term again. This works for DeepL, LibreTranslate and the dummy alike.

_TAG = re.compile(r"(<[^>]*>)")
_PLACEHOLDER = re.compile(r'<span\b[^>]*\bdata-glossary="(\d+)"[^>]*>.*?</span>', re.S)
_LEFTOVER = re.compile(r'<span\b[^>]*\bdata-glossary="\d+"[^>]*>')


class Glossary:
    """The protected terms, as they appear in wagtail-localize's (HTML-escaped) strings."""

    def __init__(self, terms):
        self.terms = [html.escape(term, quote=False) for term in terms]
        self.index = {term: number for number, term in enumerate(self.terms)}
        alternatives = "|".join(re.escape(term) for term in self.terms)
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if self.terms else None

    def protect(self, data):
        if self.pattern is None:
            return data
        parts = _TAG.split(data)
        for position in range(0, len(parts), 2):  # the text between tags, never inside one
            parts[position] = self.pattern.sub(self._placeholder, parts[position])
        return "".join(parts)

    def _placeholder(self, match):
        number = self.index[match.group(0)]
        return f'<span translate="no" data-glossary="{number}">{match.group(0)}</span>'

    def restore(self, data):
        data = _PLACEHOLDER.sub(lambda match: self.terms[int(match.group(1))], data)
        return _LEFTOVER.sub("", data)


def translate_strings(translator, source_locale, target_locale, strings, glossary):
    """``{StringValue: StringValue}`` for ``strings``, the glossary's terms untouched."""
    sent = {string: StringValue(glossary.protect(string.data)) for string in strings}
    answers = translator.translate(source_locale, target_locale, list(sent.values()))
    result = {}
    for string, protected in sent.items():
        answer = answers.get(protected)
        if answer is not None and answer.data is not None:
            result[string] = StringValue(glossary.restore(answer.data))
    return result


# Filling wagtail-localize's translation memory ------------------------------------------


def untranslated_segments(source, locale):
    """``{StringValue: [(string_id, context_id), ...]}``: what has no translation yet in
    ``locale`` (wagtail-localize's machine_translate view does the same)."""
    translated = set(
        StringTranslation.objects.filter(
            locale=locale,
            translation_of__segments__source=source,
        ).values_list("translation_of_id", "context_id")
    )
    segments = {}
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if (segment.string_id, segment.context_id) in translated:
            continue
        value = segment.string.as_value()
        segments.setdefault(value, []).append((segment.string_id, segment.context_id))
    return segments


def fill_machine_strings(source, locale, translator, glossary):
    """Stores the engine's translation of every untranslated segment; returns how many."""
    segments = untranslated_segments(source, locale)
    if not segments:
        return 0
    answers = translate_strings(translator, source.locale, locale, segments.keys(), glossary)
    filled = 0
    for string, places in segments.items():
        if string not in answers:
            continue
        for string_id, context_id in places:
            StringTranslation.objects.get_or_create(
                translation_of_id=string_id,
                locale=locale,
                context_id=context_id,
                defaults={
                    "data": answers[string].data,
                    "translation_type": MACHINE,
                    "tool_name": str(translator.display_name),
                    "has_error": False,
                    "field_error": "",
                },
            )
            filled += 1
    return filled


def save_draft_revision(source, target, locale):
    """The machine's text as a new draft revision of a translation a person made: what is
    live stays as it is (wagtail-localize's save_target would write the page itself)."""
    original = source.as_instance()
    target = Page.objects.get(pk=target.pk).specific
    segments = source._get_segments_for_translation(locale, fallback=True)
    ingest_segments(original, target, source.locale, locale, segments)
    target.save_revision(changed=True, clean=False)


def has_strings(source, locale_id, translation_type):
    return StringTranslation.objects.filter(
        locale_id=locale_id,
        translation_type=translation_type,
        translation_of__segments__source=source,
    ).exists()


# The task ---------------------------------------------------------------------------------


def target_locales(page, translator):
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return [
        locale
        for locale in Locale.objects.filter(language_code__in=codes).exclude(pk=page.locale_id)
        if translator.can_translate(page.locale, locale)
    ]


def engine_name(translator):
    with translation.override(settings.LANGUAGE_CODE):
        return str(translator.display_name)


def engine_error(translator, error):
    """The note editors read in the Übersetzungsstand (German, as the admin)."""
    with translation.override(settings.LANGUAGE_CODE):
        return gettext("Der Übersetzungsdienst %(engine)s ist fehlgeschlagen: %(error)s") % {
            "engine": engine_name(translator),
            "error": f"{type(error).__name__}: {error}"[:1000],
        }


def record_failure(page, locale, translator, error):
    row = MachineTranslation.objects.filter(source=page, locale=locale).first()
    if row is None:
        row = MachineTranslation(source=page, locale=locale)
    # A machine translation already live keeps its state (and its mark): visitors still
    # read machine text. Otherwise the row says that this language failed.
    if row.state != MachineTranslationState.PUBLISHED:
        row.state = MachineTranslationState.FAILED
        row.page = page.get_translation_or_none(locale)
    row.engine = engine_name(translator)
    row.error = engine_error(translator, error)
    row.save()


def translate_into(page, source, locale, policy, translator, glossary):
    """One language: fill the machine strings, then draft or publish as the policy says."""
    translation_record, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if not translation_record.enabled:
        return  # the translator took this language out of synchronisation: hands off
    target = page.get_translation_or_none(locale)
    # A page just created in the admin gets its aliases from wagtail-localize after the
    # publish; creating the page here first would collide with them. The task runs again
    # once they exist (wagtail_hooks: after_create_page).
    may_create = (
        target is not None
        or not LocaleSynchronization.objects.filter(
            locale=locale, sync_from_id=page.locale_id
        ).exists()
    )
    row = MachineTranslation.objects.filter(source=page, locale=locale).first()
    is_real = target is not None and not target.alias_of_id
    machine_page = is_real and row is not None and row.state == MachineTranslationState.PUBLISHED
    human = is_real and not machine_page

    if human:
        # A person's translation is left to its translator: machine strings would land in
        # wagtail-localize's shared translation memory, and the next German publish
        # (``translation.update_translations``) would put them live, unread. The report
        # shows the translation as out of date; the editor offers the machine's help.
        return
    with transaction.atomic():
        fill_machine_strings(source, locale, translator, glossary)

    if policy == MachineTranslationPolicy.PUBLISH and not human and may_create:
        translation_record.save_target(publish=True)
        target = page.get_translation(locale)
        state = MachineTranslationState.PUBLISHED
    elif is_real:
        save_draft_revision(source, target, locale)
        # Live machine text stays live (and marked) until a person publishes.
        state = MachineTranslationState.PUBLISHED if machine_page else MachineTranslationState.DRAFT
    else:
        state = MachineTranslationState.DRAFT
    MachineTranslation.objects.update_or_create(
        source=page,
        locale=locale,
        defaults={
            "state": state,
            "page": target,
            "engine": engine_name(translator),
            "error": "",
        },
    )


@task(backend=settings.MACHINE_TRANSLATION_TASKS)
def machine_translate_page(page_id):
    """The background task: the German page ``page_id`` into every other language."""
    translator = get_machine_translator()
    page = Page.objects.filter(pk=page_id, alias_of__isnull=True).first()
    if translator is None or page is None or not page.live:
        return
    page = page.specific
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    site = page.get_site()
    site_settings = SiteSettings.for_site(site) if site else None
    glossary = Glossary(protected_terms())
    for locale in target_locales(page, translator):
        policy = (
            site_settings.machine_translation_policy(locale.language_code)
            if site_settings
            else MachineTranslationPolicy.REVIEW
        )
        try:
            translate_into(page, source, locale, policy, translator, glossary)
        except Exception as error:  # the engine's or the network's: recorded, not raised
            logger.warning("Maschinelle Übersetzung %s → %s: %s", page.pk, locale, error)
            record_failure(page, locale, translator, error)


# Signal receivers (connected in apps.py) --------------------------------------------------


def queue_machine_translation(sender, instance, **kwargs):
    """A German page published: its machine translation is queued once the publish is
    committed. Nothing is queued without an engine."""
    if not isinstance(instance, SitePage) or instance.alias_of_id or not instance.live:
        return
    if instance.locale_id != Locale.get_default().pk or get_machine_translator() is None:
        return
    page_id = instance.pk
    # robust: a queue that is down (Redis) is logged, never the editor's failed publish.
    transaction.on_commit(lambda: machine_translate_page.enqueue(page_id), robust=True)


def machine_translation_published(sender, instance, revision=None, **kwargs):
    """A translated page published. By a person who edited a segment (or outside the
    synchronisation): a human translation, the mark goes. Otherwise the machine's text is
    what visitors read now: marked as such."""
    if instance.alias_of_id or instance.locale_id == Locale.get_default().pk:
        return
    row = (
        MachineTranslation.objects.filter(
            source__translation_key=instance.translation_key, locale_id=instance.locale_id
        )
        .select_related("source")
        .first()
    )
    if row is None:
        return
    source = TranslationSource.objects.get_for_instance_or_none(row.source)
    synchronised = (
        source is not None
        and Translation.objects.filter(
            source=source, target_locale_id=instance.locale_id, enabled=True
        ).exists()
    )
    by_person = revision is not None and revision.user_id is not None
    if by_person and (not synchronised or has_strings(source, instance.locale_id, MANUAL)):
        row.delete()
        return
    if source is not None and has_strings(source, instance.locale_id, MACHINE):
        row.state = MachineTranslationState.PUBLISHED
        row.page = instance
        row.error = ""
        row.save()
