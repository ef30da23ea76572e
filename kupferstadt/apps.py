from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class KupferstadtConfig(AppConfig):
    name = "kupferstadt"
    verbose_name = _("Kupferstadt (gemeinsame Inhalte)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.signals import page_published

        from . import (
            page_cache,  # noqa: F401 - connects the invalidation signals
            signals,
        )

        post_migrate.connect(signals.set_up_languages)
        page_published.connect(signals.keep_translations_current)
        for model in signals.translatable_snippet_models():
            post_save.connect(signals.keep_snippet_translations_current, sender=model)
