"""The settings of a site: contact address, the service pages and what the machine
translator may publish in each language."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable, Page


class MachineTranslationPolicy(models.TextChoices):
    # The machine's text waits, pre-filled, in the translation editor; visitors read the
    # German original until the language's translator publishes.
    REVIEW = "review", _("Entwurf, wartet auf die Übersetzerin oder den Übersetzer")
    # The machine's text is published at once, marked "maschinell übersetzt" with a link
    # to the German original, until a person edits it.
    PUBLISH = "publish", _("Sofort veröffentlichen, als „maschinell übersetzt“ markiert")


def target_language_choices():
    """Every content language but German, the source."""
    return [
        (code, name)
        for code, name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Contact address and service pages shown on every page of a site, and per language
    whether machine translations are published at once (default: they wait for the
    translator); the footer text is the translatable FooterText snippet."""

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
        InlinePanel(
            "machine_translation_policies",
            heading=_("Maschinelle Übersetzung"),
            label=_("Sprache"),
            help_text=_(
                "Ohne Eintrag wartet die maschinelle Übersetzung einer Sprache als Entwurf "
                "auf die Übersetzerin oder den Übersetzer."
            ),
        ),
    ]

    class Meta:
        verbose_name = _("Website-Einstellungen")

    def machine_translation_policy(self, language_code):
        """What happens with a machine translation into ``language_code``."""
        for policy in self.machine_translation_policies.all():
            if policy.language_code == language_code:
                return policy.policy
        return MachineTranslationPolicy.REVIEW

    def service_page_ids(self):
        return {name: getattr(self, f"{name}_id") for name in self.SERVICE_PAGES}

    def live_service_pages(self):
        """The service pages by name (Impressum, Leichte Sprache, ...), fetched in one
        query and only while they are live and public."""
        ids = self.service_page_ids()
        pages = Page.objects.filter(id__in=[i for i in ids.values() if i]).live().public()
        by_id = {page.id: page for page in pages.select_related("locale")}
        return {name: by_id[page_id] for name, page_id in ids.items() if page_id in by_id}


class MachineTranslationLanguagePolicy(Orderable):
    """One language's rule for machine translations of German pages."""

    site_settings = ParentalKey(
        SiteSettings, on_delete=models.CASCADE, related_name="machine_translation_policies"
    )
    language_code = models.CharField(_("Sprache"), max_length=20, choices=target_language_choices)
    policy = models.CharField(
        _("Maschinelle Übersetzung"),
        max_length=20,
        choices=MachineTranslationPolicy.choices,
        default=MachineTranslationPolicy.REVIEW,
    )

    panels = [FieldRowPanel([FieldPanel("language_code"), FieldPanel("policy")])]

    class Meta(Orderable.Meta):
        verbose_name = _("Regel für eine Sprache")
        verbose_name_plural = _("Regeln für die maschinelle Übersetzung")
        # unique_together (not a UniqueConstraint): the inline form set checks it, so a
        # language chosen twice is a form error, not a database error.
        unique_together = [("site_settings", "language_code")]
