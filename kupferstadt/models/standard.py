"""Free pages of an introduction and a body of blocks: standard pages (Impressum,
Datenschutz, explanations) and pages in Leichte Sprache."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import BaseStreamBlock
from ..registry import PAGES_FACET
from .fields import STEM_SEARCH_FIELDS
from .pages import SitePage


def intro_field(help_text):
    return models.TextField(_("Einleitung"), blank=True, max_length=500, help_text=help_text)


def body_field(help_text):
    return StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True, help_text=help_text)


class TextPage(SitePage):
    """The shape of a free page: an introduction that describes it, then the body; both
    are searched and offered by the API. Page types give the fields their own help."""

    intro = intro_field(_("Ein bis zwei Sätze, die unter dem Titel stehen und in Suchergebnissen."))
    body = body_field(
        _("Überschriften, Absätze, Bilder, Dokumente, Hinweiskästen und Fragenlisten")
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = (
        Page.search_fields
        + STEM_SEARCH_FIELDS
        + [index.SearchField("intro"), index.SearchField("body")]
    )
    api_fields = ["intro", "body"]
    search_facet = PAGES_FACET

    class Meta:
        abstract = True

    def description_text(self):
        return self.intro


class StandardPage(TextPage):
    """A free page such as Impressum, Datenschutz or an explanatory text."""

    parent_page_types = ["home.HomePage", "kupferstadt.StandardPage"]
    subpage_types = ["kupferstadt.StandardPage"]

    class Meta:
        verbose_name = _("Standardseite")
        verbose_name_plural = _("Standardseiten")


class EasyLanguagePage(TextPage):
    """A page in Leichte Sprache (easy-to-read German); the top one is linked from every
    page's header and may have further Leichte-Sprache pages below it."""

    intro = intro_field(_("Kurze Sätze. Ein Gedanke pro Satz."))
    body = body_field(_("Schreiben Sie in Leichter Sprache: kurze Sätze, bekannte Wörter."))

    parent_page_types = ["home.HomePage", "kupferstadt.EasyLanguagePage"]
    subpage_types = ["kupferstadt.EasyLanguagePage"]

    class Meta:
        verbose_name = _("Seite in Leichter Sprache")
        verbose_name_plural = _("Seiten in Leichter Sprache")
