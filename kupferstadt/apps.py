from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published


class KupferstadtConfig(AppConfig):
    name = "kupferstadt"
    verbose_name = _("Kupferstadt (gemeinsame Inhalte)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Modules that import models load once the app registry is ready.
        from wagtail.models import PageViewRestriction

        from . import (
            page_cache,  # noqa: F401 - connects the invalidation signals
            signals,
        )

        post_migrate.connect(signals.set_up_languages)
        m2m_changed.connect(
            signals.admin_language_for_new_translators,
            sender=get_user_model().groups.through,
        )
        page_published.connect(signals.keep_translations_current)
        post_save.connect(signals.privacy_saved, sender=PageViewRestriction)
        post_delete.connect(signals.privacy_deleted, sender=PageViewRestriction)
        m2m_changed.connect(
            signals.privacy_groups_changed, sender=PageViewRestriction.groups.through
        )
        for model in signals.translatable_snippet_models():
            post_save.connect(signals.keep_snippet_translations_current, sender=model)
