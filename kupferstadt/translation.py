"""Content languages, translator groups and keeping translations current.

German is the source language; every other language of ``WAGTAIL_CONTENT_LANGUAGES``
gets a locale, a page tree synchronised from German (wagtail-localize's synctree) and a
group of translators who may work in that language only. ``ensure_languages()`` is
idempotent and runs after every ``migrate`` and from the demo loader, so a city adds a
language with the settings and ``manage.py migrate`` alone.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.translation import get_language_info
from modelcluster.fields import ParentalManyToManyField
from wagtail.models import GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.users.models import UserProfile
from wagtail_localize.models import LocaleSynchronization, TranslationSource
from wagtail_localize.synctree import PageIndex, synchronize_tree

from .i18n import has_own_text
from .registry import translatable_snippet_models

# The groups the set-up creates; further languages get "Übersetzung <Sprache>".
TRANSLATOR_GROUPS = {
    "en": "Übersetzung Englisch",
    "tr": "Übersetzung Türkisch",
    "ar": "Übersetzung Arabisch",
    "uk": "Übersetzung Ukrainisch",
}
# What a translator may do with the pages of their language's tree.
TRANSLATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def translator_group_name(language_code):
    if language_code in TRANSLATOR_GROUPS:
        return TRANSLATOR_GROUPS[language_code]
    with_german_names = get_language_info(language_code)
    return f"Übersetzung {with_german_names['name']}"


def source_locale():
    return Locale.get_default()


def ensure_languages():
    """Locales, tree synchronisation and translator groups for every content language."""
    locales = [
        Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    ]
    default = source_locale()
    for locale in locales:
        if locale.pk == default.pk:
            continue
        # Saving a new synchronisation copies the German tree as aliases at once.
        LocaleSynchronization.objects.get_or_create(locale=locale, defaults={"sync_from": default})
        ensure_translator_group(locale)


def synchronise_trees():
    """Aliases in every language for German pages created outside the admin (the demo)."""
    index = PageIndex.from_database().sort_by_tree_position()
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale, page_index=index)


def ensure_submit_translation_permission():
    """wagtail-localize creates its "Can submit translations" permission in a data
    migration, so a flushed database (tests, ``manage.py flush``) lacks it; put it back
    the same way."""
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )


@transaction.atomic
def ensure_translator_group(locale):
    group, _ = Group.objects.get_or_create(name=translator_group_name(locale.language_code))
    ensure_submit_translation_permission()
    codenames = ["access_admin", "submit_translation"] + [
        # Snippets that carry language; translators edit their language's versions.
        f"{action}_{model._meta.model_name}"
        for model in translatable_snippet_models()
        for action in ("add", "change")
    ]
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    home = Page.objects.filter(depth=2, locale=locale).first()
    if home is not None:
        for codename in TRANSLATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    return group


def translator_locale_ids(user):
    """The locales a translator may work in, or None for users not limited to languages
    (administrators, editors). Someone only in translator groups is limited to theirs."""
    if not user.is_authenticated or user.is_superuser:
        return None
    cached = getattr(user, "_translator_locale_ids", False)
    if cached is not False:
        return cached
    names = set(user.groups.values_list("name", flat=True))
    by_name = {translator_group_name(code): code for code, _n in settings.LANGUAGES}
    codes = [by_name[name] for name in names if name in by_name]
    result = None
    if codes and len(codes) == len(names):
        result = set(Locale.objects.filter(language_code__in=codes).values_list("id", flat=True))
    user._translator_locale_ids = result
    return result


def localize_locale_ids(user):
    """The languages a user may act on through wagtail-localize's views, or None for all:
    a member of translator groups is limited to those groups' languages even when they
    also belong to another group (a partner who translates must not update every language
    from the German source); administrators and the editorial roles are not limited."""
    if not user.is_authenticated or user.is_superuser:
        return None
    by_name = {translator_group_name(code): code for code, _n in settings.LANGUAGES}
    codes = [by_name[n] for n in user.groups.values_list("name", flat=True) if n in by_name]
    if not codes:
        return None
    return set(Locale.objects.filter(language_code__in=codes).values_list("id", flat=True))


def may_work_in(user, locale_id):
    allowed = translator_locale_ids(user)
    return allowed is None or locale_id in allowed


def update_translations(instance):
    """After the German source is saved or published again, bring its translations up to
    date: changed segments are extracted anew, translators' work on unchanged segments is
    kept, and synchronised facts (dates, places, status) are copied. A translation that is
    live is published again; a draft stays a draft."""
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return
    translations = list(source.translations.filter(enabled=True).select_related("target_locale"))
    if not translations:
        return
    source.update_from_db()
    for translation in translations:
        publish = True
        if isinstance(instance, Page):
            target = instance.get_translation_or_none(translation.target_locale)
            if target is not None and target.alias_of_id:
                # Still an alias: the translation only waits in the editor (a machine
                # draft, kupferstadt/machine_translation.py). Saving it would turn the
                # alias into a page and publish the waiting text.
                continue
            publish = bool(target and target.live)
        translation.save_target(publish=publish)


def localize_relations(page):
    """Point a translated page's topics, audiences, districts and contacts at their
    versions in the page's language, where those exist (wagtail-localize copies the
    German ones)."""
    changed = False
    for field in page._meta.get_fields():
        if field.many_to_one and issubclass(field.related_model, Page) and field.editable:
            # A linked page (a notice's event): its translation, once there is one.
            linked_id = getattr(page, field.attname)
            if linked_id and field.name not in ("owner", "locked_by", "live_revision"):
                linked = (
                    Page.objects.filter(
                        has_own_text(),
                        translation_key__in=Page.objects.filter(pk=linked_id).values(
                            "translation_key"
                        ),
                        locale_id=page.locale_id,
                    )
                    .values_list("pk", flat=True)
                    .first()
                )
                if linked and linked != linked_id:
                    setattr(page, field.attname, linked)
                    changed = True
            continue
        if not isinstance(field, ParentalManyToManyField):
            continue
        if not issubclass(field.related_model, TranslatableMixin):
            continue
        current = list(getattr(page, field.name).all())
        if all(obj.locale_id == page.locale_id for obj in current):
            continue
        localized = {
            obj.translation_key: obj
            for obj in field.related_model.objects.filter(
                translation_key__in=[obj.translation_key for obj in current],
                locale_id=page.locale_id,
            )
        }
        getattr(page, field.name).set([localized.get(o.translation_key, o) for o in current])
        changed = True
    if changed:
        page.save()


def ensure_translator_account(language_code, password):
    """A development account for a language's translators (``load_demo --dev-login``),
    with the admin in that language."""
    username = f"uebersetzung-{language_code}"
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.org"}
    )
    if created:
        user.set_password(password)
        user.save()
    user.groups.add(Group.objects.get(name=translator_group_name(language_code)))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language_code
    profile.save()
    return user
