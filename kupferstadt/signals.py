"""Signal receivers that keep languages set up, translations current and a page's privacy
the same in every language."""

import contextlib
import threading

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models import Q, QuerySet
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.users.models import UserProfile

from . import translation
from .i18n import has_own_text
from .registry import translatable_snippet_models


def keep_translations_current(sender, instance, **kwargs):
    if instance.alias_of_id:
        return
    if instance.locale_id == Locale.get_default().pk:
        translation.update_translations(instance)
    else:
        translation.localize_relations(type(instance).objects.get(pk=instance.pk))


def keep_snippet_translations_current(sender, instance, raw=False, **kwargs):
    """A German snippet saved: its translations follow (synchronised fields, segments)."""
    if raw or sender not in translatable_snippet_models():
        return
    if instance.locale_id != Locale.get_default().pk:
        return
    translation.update_translations(instance)


def admin_language_for_new_translators(sender, instance, action, pk_set, **kwargs):
    """Someone added to a translator group gets the admin in that group's language, unless
    they chose an admin language themselves."""
    if action != "post_add" or not pk_set:
        return
    by_group = {
        translation.translator_group_name(code): code
        for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES
        if code != settings.LANGUAGE_CODE
    }
    names = Group.objects.filter(pk__in=pk_set).values_list("name", flat=True)
    codes = [by_group[name] for name in names if name in by_group]
    if len(codes) == 1:
        profile = UserProfile.get_for_user(instance)
        if not profile.preferred_language:
            profile.preferred_language = codes[0]
            profile.save(update_fields=["preferred_language"])


# Privacy follows translations -------------------------------------------------------------
#
# A view restriction (Wagtail's "Privacy": password, login, groups) set on a German page
# holds for every translation and alias of it: set, changed or removed on the source, the
# same happens on the others. The German page decides: while it is private, a restriction
# changed or removed on a translation (translators may publish, so they may set privacy) is
# put back as the source has it; a translation may only be *more* private than a public
# source. Deleting the German page leaves its translations as private as they are.

_following = threading.local()


@contextlib.contextmanager
def _copying_privacy():
    """The receivers below ignore the restrictions they write themselves."""
    _following.active = True
    try:
        yield
    finally:
        _following.active = False


def privacy_source(page):
    """The page whose view restrictions ``page`` follows: the German, non-alias page with
    the same translation key (or the page an alias mirrors), or None."""
    if page.alias_of_id:
        page = Page.objects.filter(pk=page.alias_of_id).first()
        if page is None:
            return None
    if page.locale_id == Locale.get_default().pk and not page.alias_of_id:
        return page
    return Page.objects.filter(
        has_own_text(),
        translation_key=page.translation_key,
        locale_id=Locale.get_default().pk,
    ).first()


def privacy_followers(source):
    """Every translation and alias of ``source``."""
    return Page.objects.filter(
        Q(translation_key=source.translation_key) | Q(alias_of_id=source.pk)
    ).exclude(pk=source.pk)


def _restriction_state(restriction):
    return (
        restriction.restriction_type,
        restriction.password,
        {group.pk for group in restriction.groups.all()},
    )


def copy_privacy(source):
    """Gives every translation and alias of ``source`` its view restrictions, no more."""
    wanted = list(source.view_restrictions.prefetch_related("groups").order_by("pk"))
    with _copying_privacy():
        for page in privacy_followers(source):
            present = list(page.view_restrictions.prefetch_related("groups").order_by("pk"))
            for surplus in present[len(wanted) :]:
                surplus.delete()
            for index, want in enumerate(wanted):
                copy = present[index] if index < len(present) else None
                if copy is not None and _restriction_state(copy) == _restriction_state(want):
                    continue
                copy = copy or PageViewRestriction(page=page)
                copy.restriction_type = want.restriction_type
                copy.password = want.password
                copy.save()
                copy.groups.set(want.groups.all())


def _follow(page):
    source = privacy_source(page)
    if source is None:
        return
    if source.pk == page.pk or source.view_restrictions.exists():
        copy_privacy(source)


def privacy_saved(sender, instance, raw=False, **kwargs):
    if raw or getattr(_following, "active", False):
        return
    _follow(instance.page)


def privacy_deleted(sender, instance, origin=None, **kwargs):
    if getattr(_following, "active", False):
        return
    # Deleted with its page (origin: the page or a queryset of pages): nothing to follow,
    # and the translations stay as private as they are.
    origin_model = origin.model if isinstance(origin, QuerySet) else type(origin)
    if issubclass(origin_model, Page):
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _follow(page)


def privacy_groups_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if getattr(_following, "active", False):
        return
    if not reverse:
        restrictions = [instance]
    elif pk_set:
        restrictions = PageViewRestriction.objects.filter(pk__in=pk_set)
    else:
        return
    for restriction in restrictions:
        _follow(restriction.page)
