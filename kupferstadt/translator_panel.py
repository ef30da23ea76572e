"""The translators' panel on the admin's start page: what waits for them in their
language(s), in the order of the Übersetzungsstand (live German content without a human
translation first, the longest published first), with a link to the whole report.

Shown only to translators (``translator_locale_ids``) and only when something waits, like
Wagtail's own panels.
"""

from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from .handbook import handbook_url
from .translation import translator_locale_ids
from .translation_status import TranslationStatus

PANEL_LENGTH = 10


class TranslatorPanel(Component):
    template_name = "kupferstadt/admin/translator_panel.html"
    heading = _("Wartet auf Übersetzung")
    panel_id = "wartet-auf-uebersetzung"
    order = 90

    def __init__(self, user, locale_ids):
        self.user = user
        self.locale_ids = locale_ids

    def get_context_data(self, parent_context):
        locales = list(Locale.objects.filter(pk__in=self.locale_ids).order_by("pk"))
        status = TranslationStatus(locales)
        waiting = status.waiting(self.user)
        return {
            "source_language": status.source_locale.language_code,
            "heading": self.heading,
            "panel_id": self.panel_id,
            "locales": locales,
            "rows": waiting[:PANEL_LENGTH],
            "total": waiting.count(),
            "help_url": handbook_url("was-wartet"),
        }

    def render_html(self, parent_context=None):
        context = self.get_context_data(parent_context or {})
        if not context["rows"]:
            return ""
        return render_to_string(self.template_name, context)


def translator_panels(request, panels):
    locale_ids = translator_locale_ids(request.user)
    if locale_ids:
        panels.append(TranslatorPanel(request.user, locale_ids))
