"""The settings of a site: contact address and the service pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact address and service pages shown on every page of a site; the footer text
    is the translatable FooterText snippet."""

    organisation_name = models.CharField(
        _("Herausgeber"),
        max_length=200,
        default="Kupferstadt Stolberg – Sozialplanung",
        help_text=_("Wird im Fußbereich jeder Seite als Absender genannt."),
    )
    street = models.CharField(
        _("Straße und Hausnummer"), max_length=200, blank=True, help_text=_("Postanschrift")
    )
    postal_code = models.CharField(
        _("Postleitzahl"), max_length=10, blank=True, help_text=_("z. B. 52222")
    )
    city = models.CharField(
        _("Ort"), max_length=100, blank=True, default="Stolberg", help_text=_("z. B. Stolberg")
    )
    email = models.EmailField(
        _("E-Mail"), blank=True, help_text=_("Allgemeine Kontaktadresse für Bürgerinnen und Bürger")
    )
    phone = models.CharField(
        _("Telefon"), max_length=50, blank=True, help_text=_("z. B. 02402 13-0")
    )
    accessibility_contact_email = models.EmailField(
        _("E-Mail für Meldungen zur Barrierefreiheit"),
        blank=True,
        help_text=_("An diese Adresse gehen Meldungen aus dem Formular „Barriere melden“."),
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wird im Fußbereich jeder Seite verlinkt."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wird im Fußbereich jeder Seite verlinkt."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wird im Fußbereich jeder Seite verlinkt."),
    )
    barrier_report_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Barriere melden"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Das Formular, über das Barrieren gemeldet werden; im Fußbereich verlinkt."),
    )
    easy_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Leichte Sprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wird im Kopfbereich jeder Seite verlinkt."),
    )
    sign_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Gebärdensprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wird im Kopfbereich jeder Seite verlinkt."),
    )

    # The pages linked from every header and footer, by field name.
    SERVICE_PAGES = (
        "imprint_page",
        "privacy_page",
        "accessibility_page",
        "barrier_report_page",
        "easy_language_page",
        "sign_language_page",
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
            ],
            heading=_("Kontaktadresse"),
        ),
        MultiFieldPanel(
            [
                *(FieldPanel(name) for name in SERVICE_PAGES),
                FieldPanel("accessibility_contact_email"),
            ],
            heading=_("Pflichtseiten und Barrierefreiheit"),
        ),
    ]

    class Meta:
        verbose_name = _("Website-Einstellungen")

    def service_page_ids(self):
        return {name: getattr(self, f"{name}_id") for name in self.SERVICE_PAGES}

    def live_service_pages(self):
        """The service pages by name (Impressum, Leichte Sprache, ...), fetched in one
        query and only while they are live and public."""
        ids = self.service_page_ids()
        pages = Page.objects.filter(id__in=[i for i in ids.values() if i]).live().public()
        by_id = {page.id: page for page in pages.select_related("locale")}
        return {name: by_id[page_id] for name, page_id in ids.items() if page_id in by_id}
