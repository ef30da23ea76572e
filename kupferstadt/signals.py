"""Signal receivers that keep languages set up and translations current."""

from wagtail.models import Locale, Page, TranslatableMixin

from . import translation


def translatable_snippet_models():
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and not issubclass(model, Page)
        and model._meta.app_label == "kupferstadt"
    ]


def set_up_languages(sender, **kwargs):
    from django.apps import apps

    # After the last app's post_migrate, once every app's permissions exist.
    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender.label == with_models[-1].label:
        translation.ensure_languages()


def keep_translations_current(sender, instance, **kwargs):
    if instance.alias_of_id:
        return
    if instance.locale_id == Locale.get_default().pk:
        translation.update_translations(instance)
    else:
        translation.localize_relations(type(instance).objects.get(pk=instance.pk))


def keep_snippet_translations_current(sender, instance, raw=False, **kwargs):
    if raw or instance.locale_id != Locale.get_default().pk:
        return
    translation.update_translations(instance)


def admin_language_for_new_translators(sender, instance, action, pk_set, **kwargs):
    """Someone added to a translator group gets the admin in that group's language, unless
    they chose an admin language themselves."""
    if action != "post_add" or not pk_set:
        return
    from django.conf import settings
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

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
