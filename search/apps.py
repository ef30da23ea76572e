from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Suche")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .index_join import add_integer_relations

        add_integer_relations()
