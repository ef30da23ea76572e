from django.apps import AppConfig
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.signals import page_published, page_unpublished, post_page_move


class KupferstadtConfig(AppConfig):
    name = "kupferstadt"
    verbose_name = _("Kupferstadt (gemeinsame Inhalte)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Modules that import models load once the app registry is ready.
        from wagtail.models import PageViewRestriction

        from . import machine_translation, page_cache, signals, translation, warm
        from .migrate import after_last_app_migrated

        # A new generation of the page cache whenever what visitors see may change.
        page_published.connect(page_cache.invalidate, dispatch_uid="page-cache-published")
        page_unpublished.connect(page_cache.invalidate, dispatch_uid="page-cache-unpublished")
        post_page_move.connect(page_cache.invalidate, dispatch_uid="page-cache-moved")
        post_save.connect(page_cache.invalidate_on_change, dispatch_uid="page-cache-saved")
        post_delete.connect(page_cache.invalidate_on_change, dispatch_uid="page-cache-deleted")
        after_last_app_migrated(page_cache.create_cache_table, "kupferstadt.cache_table")
        # Locales, synchronised trees and translator groups need every app's permissions.
        after_last_app_migrated(translation.ensure_languages, "kupferstadt.languages")
        m2m_changed.connect(
            signals.admin_language_for_new_translators,
            sender=get_user_model().groups.through,
        )
        page_published.connect(signals.keep_translations_current)
        # After the translations are kept current: the machine's first draft, queued.
        page_published.connect(machine_translation.queue_machine_translation)
        page_published.connect(machine_translation.machine_translation_published)
        post_save.connect(signals.privacy_saved, sender=PageViewRestriction)
        post_delete.connect(signals.privacy_deleted, sender=PageViewRestriction)
        m2m_changed.connect(
            signals.privacy_groups_changed, sender=PageViewRestriction.groups.through
        )
        post_save.connect(
            signals.keep_snippet_translations_current, dispatch_uid="snippet-translations"
        )
        # Last: the pages a publish touches rendered into the new generation.
        page_published.connect(warm.queue_warm_after_publish, dispatch_uid="page-cache-warm")
