from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KupferstadtConfig(AppConfig):
    name = "kupferstadt"
    verbose_name = _("Kupferstadt (gemeinsame Inhalte)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import page_cache  # noqa: F401 - connects the invalidation signals
