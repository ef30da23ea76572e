"""Content shared by every part of the site: snippets, images, settings, free pages."""

import datetime
from urllib.parse import quote, urlencode

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from search.indexing import index_saved_page
from search.stemming import stemmed_text

from .blocks import BaseStreamBlock, NonAccessibleContentListBlock
from .text import german_slugify

# Every searchable page indexes the Snowball stems of its texts (see search/stemming.py).
STEM_SEARCH_FIELDS = [index.SearchField("search_stems")]


def synchronised(*names):
    """Language-neutral facts (dates, addresses, status, e-mail, ...): wagtail-localize
    copies them from the German source, and a translation cannot override them."""
    return [SynchronizedField(name, overridable=False) for name in names]


SLUG_HELP = _("Kurzname für Adressen und Filter; wird aus dem Namen erzeugt, wenn leer.")


class CustomImage(AbstractImage):
    """Images uploaded by editors; the description is the alternative text."""

    # Required (BITV 2.0): every image carries its alternative text from the upload on.
    description = models.CharField(
        _("Alternativtext (Bildbeschreibung)"),
        max_length=255,
        default="",
        help_text=_(
            "Pflichtfeld: Was ist auf dem Bild zu sehen? Für Menschen, die es nicht sehen können."
        ),
    )

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")


class Rendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class SluggedSnippet(models.Model):
    """A named snippet that can be used as a filter value in URLs."""

    name = models.CharField(
        _("Name"), max_length=120, help_text=_("So erscheint der Eintrag auf der Website.")
    )
    slug = models.SlugField(_("Kurzname"), max_length=120, blank=True, help_text=SLUG_HELP)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = german_slugify(self.name, 120)
        super().save(*args, **kwargs)


class Topic(TranslatableMixin, index.Indexed, SluggedSnippet):
    """A theme such as Familie, Inklusion or Bildung; notices, events and initiatives carry
    topics, and citizens filter by them."""

    class Meta(TranslatableMixin.Meta, SluggedSnippet.Meta):
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_locale")
        ]


class Audience(TranslatableMixin, index.Indexed, SluggedSnippet):
    """A target group (Zielgruppe) such as Familien or Senioren, used to filter the Pinnwand."""

    class Meta(TranslatableMixin.Meta, SluggedSnippet.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_audience_slug_locale")
        ]


class District(TranslatableMixin, index.Indexed, SluggedSnippet):
    """A Stadtteil of Stolberg, so notices and initiatives can be found by neighbourhood."""

    class Meta(TranslatableMixin.Meta, SluggedSnippet.Meta):
        verbose_name = _("Stadtteil")
        verbose_name_plural = _("Stadtteile")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_district_slug_locale")
        ]


class Organisation(index.Indexed, models.Model):
    """An association, agency or ministry that provides, hosts or supports an offer."""

    name = models.CharField(
        _("Name"), max_length=200, help_text=_("Vollständiger Name, z. B. „Caritasverband“")
    )
    url = models.URLField(
        _("Website"), blank=True, help_text=_("Vollständige Adresse mit https://")
    )
    logo = models.ForeignKey(
        CustomImage,
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional; erscheint neben Angeboten der Organisation."),
    )

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("logo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")

    def __str__(self):
        return self.name


class Person(TranslatableMixin, index.Indexed, models.Model):
    """A contact person named on notices, events and initiatives."""

    name = models.CharField(_("Name"), max_length=200, help_text=_("Vor- und Nachname"))
    role = models.CharField(
        _("Funktion"), max_length=200, blank=True, help_text=_("z. B. Sozialplaner")
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text=_("Wo arbeitet die Person?"),
    )
    email = models.EmailField(
        _("E-Mail"), blank=True, help_text=_("Dienstliche Adresse, wird öffentlich angezeigt.")
    )
    phone = models.CharField(
        _("Telefon"), max_length=50, blank=True, help_text=_("z. B. 02402 13-0")
    )
    photo = models.ForeignKey(
        CustomImage,
        verbose_name=_("Foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Nur mit Einverständnis der Person."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("phone")]),
        FieldPanel("photo"),
    ]
    # The role is translated; the name and how to reach the person are not.
    override_translatable_fields = synchronised("name", "organisation", "email", "phone", "photo")
    search_fields = [
        index.SearchField("name"),
        index.SearchField("role"),
        index.AutocompleteField("name"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("Person")
        verbose_name_plural = _("Personen")

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name


class Venue(TranslatableMixin, index.Indexed, models.Model):
    """A place where events happen, with its address and accessibility facts."""

    name = models.CharField(
        _("Name"), max_length=200, help_text=_("z. B. „Industriemuseum Zinkhütter Hof“")
    )
    street = models.CharField(
        _("Straße und Hausnummer"), max_length=200, help_text=_("z. B. „Cockerillstraße 90“")
    )
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, help_text=_("z. B. 52222"))
    city = models.CharField(
        _("Ort"), max_length=100, default="Stolberg", help_text=_("z. B. Stolberg")
    )
    latitude = models.DecimalField(
        _("Breitengrad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Optional, z. B. 50.770168"),
    )
    longitude = models.DecimalField(
        _("Längengrad"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Optional, z. B. 6.225836"),
    )
    step_free_access = models.BooleanField(
        _("Stufenloser Zugang"),
        null=True,
        blank=True,
        help_text=_("Leer lassen, wenn es nicht bekannt ist."),
    )
    accessibility_notes = models.TextField(
        _("Hinweise zur Barrierefreiheit"),
        blank=True,
        help_text=_("z. B. Aufzug, barrierefreies WC, Induktionsschleife, Parkplätze"),
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Adresse"),
        ),
        MultiFieldPanel(
            [FieldPanel("step_free_access"), FieldPanel("accessibility_notes")],
            heading=_("Barrierefreiheit"),
        ),
    ]
    # Name and accessibility notes are translated; the address and facts are not.
    override_translatable_fields = synchronised(
        "street", "postal_code", "city", "latitude", "longitude", "step_free_access"
    )
    search_fields = [
        index.SearchField("name"),
        index.SearchField("street"),
        index.SearchField("city"),
        index.AutocompleteField("name"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("Veranstaltungsort")
        verbose_name_plural = _("Veranstaltungsorte")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(
                _("Bitte geben Sie Breiten- und Längengrad gemeinsam an oder keinen von beiden.")
            )

    @property
    def full_address(self):
        """One line, as printed on an invitation: "Cockerillstraße 90, 52222 Stolberg"."""
        return f"{self.street}, {self.postal_code} {self.city}"


class FooterText(TranslatableMixin, models.Model):
    """The short text at the bottom of every page, in each language: editors write the
    German one, translators translate it like any snippet. Without one, the footer text
    of the website settings is shown."""

    text = RichTextField(
        _("Text im Fußbereich"),
        features=["bold", "italic", "link"],
        help_text=_("Kurzer Text, der unten auf jeder Seite dieser Sprache erscheint."),
    )

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Text im Fußbereich")
        verbose_name_plural = _("Texte im Fußbereich")

    def __str__(self):
        return Truncator(strip_tags(self.text)).chars(60)

    @classmethod
    def for_language(cls):
        """The text in the active language, else the German one; None without any."""
        texts = {text.locale.language_code: text for text in cls.objects.select_related("locale")}
        # The language codes without asking the database for the Locale rows.
        active = get_supported_content_language_variant(get_language())
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        return texts.get(active) or texts.get(default)


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Contact address and footer text shown on every page of a site."""

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
    footer_text = RichTextField(
        _("Text im Fußbereich"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Kurzer Text, der unten auf jeder Seite erscheint."),
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
        FieldPanel("footer_text"),
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


class SitePageQuerySet(PageQuerySet):
    def translated(self):
        """Pages with text of their own language: without wagtail-localize's aliases,
        which mirror the German page in a language's tree until it is translated."""
        return self.filter(alias_of__isnull=True)


class SitePage(Page):
    """What every public page of the site shares: its description for search engines and
    link previews, its structured data (schema.org JSON-LD) and its share link."""

    # Name of the field whose text describes the page when no search description is set.
    description_field = None
    # Whether the printed Aushang starts with that description.
    print_description = True
    # Whether search_text_parts() reads many-to-many relations (see save()).
    search_related_names = False
    schema_type = "WebPage"

    class Meta:
        abstract = True

    def meta_description(self):
        text = self.search_description
        if not text and self.description_field:
            text = strip_tags(str(getattr(self, self.description_field, "") or ""))
        return Truncator(" ".join(text.split())).chars(200)

    def body_paragraphs(self):
        """The plain text of the body's paragraphs, read from the raw data (no queries)."""
        body = getattr(self, "body", None)
        return [
            " ".join(strip_tags(block["value"]).split())
            for block in (body.raw_data if body is not None else [])
            if block["type"] == "paragraph"
        ]

    def search_text_parts(self):
        """The texts a citizen may find this page by; page types add related names."""
        parts = [self.title, self.search_description]
        if self.description_field:
            parts.append(strip_tags(str(getattr(self, self.description_field, "") or "")))
        return parts + self.body_paragraphs()

    def save(self, *args, **kwargs):
        self._search_stems = None
        result = super().save(*args, **kwargs)
        # Wagtail indexes a page in post_save, before modelcluster stores the
        # many-to-many relations (topics, districts, contacts) that search_stems reads;
        # index once more now that they are stored (never a draft: search/indexing.py).
        if self.pk and self.search_related_names:
            self._search_stems = None
            index_saved_page(self, kwargs.get("update_fields"))
        return result

    def search_stems(self):
        # The indexer asks once per index column; compute once per save.
        if getattr(self, "_search_stems", None) is None:
            self._search_stems = stemmed_text(
                " ".join(filter(None, self.search_text_parts())), self.locale.language_code
            )
        return self._search_stems

    def essential_text(self, words=110):
        """Plain paragraphs for the printed Aushang: the page's summary, then its body text,
        cut to fit one A4 page."""
        paragraphs = [self.meta_description()] if self.print_description else []
        paragraphs += self.body_paragraphs()
        result, remaining = [], words
        for text in filter(None, paragraphs):
            if remaining <= 0:
                break
            result.append(Truncator(text).words(remaining))
            remaining -= len(text.split())
        return result

    def meta_image(self):
        """The image for link previews, if the page has one."""
        return getattr(self, "image", None)

    def share_lines(self):
        """Lines of the e-mail a citizen sends to pass the page on."""
        return [self.title]

    def share_mailto(self, request):
        url = self.get_full_url(request)
        body = "\n".join([*self.share_lines(), "", url])
        return "mailto:?" + urlencode({"subject": self.title, "body": body}, quote_via=quote)

    def json_ld(self, request):
        """The schema.org description of this page (without breadcrumbs)."""
        data = {
            "@context": "https://schema.org",
            "@type": self.schema_type,
            "name": self.title,
            "url": self.get_full_url(request),
            "inLanguage": self.locale.language_code,
        }
        if description := self.meta_description():
            data["description"] = description
        return data

    def breadcrumbs_json_ld(self, request):
        pages = [*self.get_ancestors().filter(depth__gt=1), self]
        return {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": gettext("Start") if page.depth == 2 else page.title,
                    "item": page.get_full_url(request),
                }
                for position, page in enumerate(pages, start=1)
            ],
        }

    def structured_data(self, request):
        return [self.json_ld(request), self.breadcrumbs_json_ld(request)]


class PageImageMixin(models.Model):
    """An optional lead image of a page, with the alternative text BITV requires."""

    image = models.ForeignKey(
        "kupferstadt.CustomImage",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional; erscheint oben auf der Seite und in Vorschauen geteilter Links."),
    )
    image_alt = models.CharField(
        _("Alternativtext des Bildes"),
        max_length=255,
        blank=True,
        help_text=_("Pflicht, wenn ein Bild gewählt ist: Was ist auf dem Bild zu sehen?"),
    )

    class Meta:
        abstract = True

    def image_errors(self):
        if self.image and not self.image_alt.strip():
            return {"image_alt": _("Bitte beschreiben Sie das Bild mit einem Alternativtext.")}
        return {}


class ListingFeedsMixin(RoutablePageMixin):
    """Listing pages whose items are also offered as RSS 2.0 and Atom feeds."""

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return self.feed(request, atom=False)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return self.feed(request, atom=True)

    def feed(self, request, atom):
        raise NotImplementedError


class PrintableMixin(RoutablePageMixin):
    """Pages that print as a one-page A4 Aushang with a QR code linking back to them."""

    @path("druckansicht/", name="print")
    def print_view(self, request):
        template = self.get_template(request).replace(".html", "_print.html")
        return self.render(request, template=template)


class StandardPage(SitePage):
    """A free page such as Impressum, Datenschutz or an explanatory text."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        max_length=500,
        help_text=_("Ein bis zwei Sätze, die unter dem Titel stehen und in Suchergebnissen."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("Inhalt"),
        blank=True,
        help_text=_("Überschriften, Absätze, Bilder, Dokumente, Hinweiskästen und Fragenlisten"),
    )

    description_field = "intro"

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = (
        Page.search_fields
        + STEM_SEARCH_FIELDS
        + [index.SearchField("intro"), index.SearchField("body")]
    )
    api_fields = ["intro", "body"]

    parent_page_types = ["home.HomePage", "kupferstadt.StandardPage"]
    subpage_types = ["kupferstadt.StandardPage"]

    class Meta:
        verbose_name = _("Standardseite")
        verbose_name_plural = _("Standardseiten")


class Conformance(models.TextChoices):
    FULL = "full", _("vollständig vereinbar")
    PARTIAL = "partial", _("teilweise vereinbar")
    NONE = "none", _("nicht vereinbar")


NRW_OMBUDSSTELLE_URL = "https://www.mags.nrw/ombudsstelle-barrierefreie-it"


class AccessibilityStatementPage(SitePage):
    """The Erklärung zur Barrierefreiheit required by BITV NRW: every required part is a
    field of its own, so none can be left out."""

    scope = RichTextField(
        _("Geltungsbereich"),
        features=["bold", "italic", "link"],
        help_text=_("Für welche Website gilt die Erklärung, und nach welchen Vorschriften?"),
    )
    conformance = models.CharField(
        _("Stand der Vereinbarkeit"),
        max_length=10,
        choices=Conformance.choices,
        help_text=_("Wie weit erfüllt die Website die Anforderungen der BITV NRW (WCAG 2.1 AA)?"),
    )
    non_accessible_content = StreamField(
        NonAccessibleContentListBlock(),
        verbose_name=_("Nicht barrierefreie Inhalte"),
        blank=True,
        help_text=_(
            "Jeder Inhalt mit Begründung und Alternative; Pflicht, wenn nicht vollständig."
        ),
    )
    prepared_on = models.DateField(
        _("Erstellt am"), help_text=_("Wann wurde die Erklärung erstellt?")
    )
    reviewed_on = models.DateField(
        _("Zuletzt überprüft am"), help_text=_("Wann wurde die Erklärung zuletzt überprüft?")
    )
    assessment_method = models.CharField(
        _("Grundlage der Bewertung"),
        max_length=300,
        help_text=_("z. B. „Selbstbewertung“ oder „Prüfung durch eine externe Stelle“"),
    )
    feedback_contact = RichTextField(
        _("Kontakt für Rückmeldungen"),
        features=["bold", "italic", "link"],
        help_text=_("Wer nimmt Hinweise auf Barrieren entgegen? Name, E-Mail, Telefon."),
    )
    enforcement_url = models.URLField(
        _("Adresse der Ombudsstelle"),
        default=NRW_OMBUDSSTELLE_URL,
        help_text=_("Ombudsstelle für barrierefreie Informationstechnik des Landes NRW"),
    )

    description_field = "scope"
    content_panels = Page.content_panels + [
        FieldPanel("scope"),
        MultiFieldPanel(
            [FieldPanel("conformance"), FieldPanel("non_accessible_content")],
            heading=_("Stand der Vereinbarkeit"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("prepared_on"), FieldPanel("reviewed_on")]),
                FieldPanel("assessment_method"),
            ],
            heading=_("Erstellung"),
        ),
        FieldPanel("feedback_contact"),
        FieldPanel("enforcement_url"),
    ]
    search_fields = (
        Page.search_fields
        + STEM_SEARCH_FIELDS
        + [index.SearchField("scope"), index.SearchField("non_accessible_content")]
    )
    api_fields = ["conformance", "prepared_on", "reviewed_on"]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärungen zur Barrierefreiheit")

    def clean(self):
        super().clean()
        errors = {}
        if self.conformance != Conformance.FULL and not self.non_accessible_content:
            errors["non_accessible_content"] = _(
                "Bitte nennen Sie die Inhalte, die nicht barrierefrei sind."
            )
        if self.prepared_on and self.reviewed_on and self.reviewed_on < self.prepared_on:
            errors["reviewed_on"] = _("Die Überprüfung kann nicht vor der Erstellung liegen.")
        if errors:
            raise ValidationError(errors)


class BarrierReportQuerySet(models.QuerySet):
    def past_retention(self, now):
        """Reports to delete (they may hold a name and an e-mail address): handled more
        than KUPFERSTADT_BARRIER_REPORT_RETENTION_DAYS days ago, or received more than
        KUPFERSTADT_BARRIER_REPORT_MAX_AGE_DAYS days ago, handled or not."""
        handled_cutoff = now - datetime.timedelta(
            days=settings.KUPFERSTADT_BARRIER_REPORT_RETENTION_DAYS
        )
        received_cutoff = now - datetime.timedelta(
            days=settings.KUPFERSTADT_BARRIER_REPORT_MAX_AGE_DAYS
        )
        return self.filter(
            models.Q(handled=True, handled_at__lt=handled_cutoff)
            | models.Q(created_at__lt=received_cutoff)
        )


class BarrierReport(models.Model):
    """A barrier reported by a citizen through the "Barriere melden" form. Editors tick
    "Erledigt" once it is dealt with; ``manage.py purge_personal_data`` deletes it
    KUPFERSTADT_BARRIER_REPORT_RETENTION_DAYS days later, and at the latest
    KUPFERSTADT_BARRIER_REPORT_MAX_AGE_DAYS days after it came in."""

    page_url = models.CharField(
        _("Betroffene Seite"),
        max_length=500,
        blank=True,
        help_text=_("Adresse oder Name der Seite, auf der die Barriere ist."),
    )
    description = models.TextField(
        _("Beschreibung der Barriere"),
        max_length=5000,
        help_text=_("Was hat nicht funktioniert? Welche Hilfsmittel nutzen Sie?"),
    )
    name = models.CharField(_("Name"), max_length=200, blank=True, help_text=_("Freiwillig"))
    email = models.EmailField(
        _("E-Mail für eine Antwort"), blank=True, help_text=_("Freiwillig, für eine Antwort")
    )
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)
    handled = models.BooleanField(
        _("Erledigt"),
        default=False,
        help_text=_(
            "Haken setzen, wenn die Meldung bearbeitet ist. Erledigte Meldungen werden nach "
            "der Aufbewahrungsfrist automatisch gelöscht."
        ),
    )
    handled_at = models.DateTimeField(_("Erledigt am"), null=True, blank=True, editable=False)

    objects = BarrierReportQuerySet.as_manager()

    panels = [
        FieldPanel("page_url", read_only=True),
        FieldPanel("description", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("handled"),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Barriere-Meldung")
        verbose_name_plural = _("Barriere-Meldungen")

    def __str__(self):
        return Truncator(self.description).chars(60)

    def save(self, *args, **kwargs):
        # The retention period runs from the moment the report was marked handled.
        if self.handled != (self.handled_at is not None):
            self.handled_at = timezone.now() if self.handled else None
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "handled_at"}
        super().save(*args, **kwargs)


class BarrierReportPage(RoutablePageMixin, SitePage):
    """The feedback form of the accessibility statement ("Barriere melden")."""

    intro = RichTextField(
        _("Einleitung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Steht über dem Formular."),
    )
    thanks = RichTextField(
        _("Bestätigung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Erscheint nach dem Absenden."),
    )

    description_field = "intro"
    # The button of the form (kupferstadt/form_page.html).
    submit_label = _("Meldung senden")
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thanks")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Formular „Barriere melden“")
        verbose_name_plural = _("Formulare „Barriere melden“")

    @path("")
    def report(self, request):
        from .forms import BarrierReportForm

        status = 200
        if request.method == "POST":
            form = BarrierReportForm(request.POST)
            if form.rate_limit.exceeded(request):
                form.add_rate_limit_error()
                status = 429
            elif form.is_valid():
                form.save_and_notify(request)
                return redirect(self.get_url(request) + self.reverse_subpage("thanks_view"))
        else:
            form = BarrierReportForm(initial={"page_url": request.GET.get("seite", "")[:500]})
        response = self.render(request, context_overrides={"form": form})
        response.status_code = status
        return response

    @path("danke/")
    def thanks_view(self, request):
        return self.render(request, context_overrides={"sent": True})


class EasyLanguagePage(SitePage):
    """A page in Leichte Sprache (easy-to-read German); the top one is linked from every
    page's header and may have further Leichte-Sprache pages below it."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        max_length=500,
        help_text=_("Kurze Sätze. Ein Gedanke pro Satz."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("Inhalt"),
        blank=True,
        help_text=_("Schreiben Sie in Leichter Sprache: kurze Sätze, bekannte Wörter."),
    )

    description_field = "intro"
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = (
        Page.search_fields
        + STEM_SEARCH_FIELDS
        + [index.SearchField("intro"), index.SearchField("body")]
    )
    api_fields = ["intro", "body"]
    parent_page_types = ["home.HomePage", "kupferstadt.EasyLanguagePage"]
    subpage_types = ["kupferstadt.EasyLanguagePage"]

    class Meta:
        verbose_name = _("Seite in Leichter Sprache")
        verbose_name_plural = _("Seiten in Leichter Sprache")


class SignLanguagePage(SitePage):
    """The page with the video in Deutsche Gebärdensprache (DGS) explaining the site;
    the video is served from our own media, never from an external player."""

    intro = models.TextField(
        _("Einleitung"), blank=True, max_length=500, help_text=_("Steht über dem Video.")
    )
    video = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Video (MP4 oder WebM)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Das Video in Deutscher Gebärdensprache, als Dokument hochgeladen."),
    )
    captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Untertitel (WebVTT)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Untertitel als .vtt-Datei; Pflicht, wenn ein Video gewählt ist."),
    )
    duration = models.DurationField(
        _("Dauer"),
        null=True,
        blank=True,
        help_text=_("Länge des Videos, z. B. 00:04:30; Pflicht, wenn ein Video gewählt ist."),
    )
    transcript = RichTextField(
        _("Text zum Video"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Der Inhalt des Videos als Text."),
    )

    description_field = "intro"
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("video"), FieldPanel("captions"), FieldPanel("duration")],
            heading=_("Video"),
        ),
        FieldPanel("transcript"),
    ]
    search_fields = Page.search_fields + STEM_SEARCH_FIELDS + [index.SearchField("transcript")]

    def search_text_parts(self):
        return [*super().search_text_parts(), strip_tags(self.transcript)]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Seite in Gebärdensprache")
        verbose_name_plural = _("Seiten in Gebärdensprache")

    def clean(self):
        super().clean()
        errors = {}
        if self.video:
            if self.video.file_extension.lower() not in ("mp4", "webm"):
                errors["video"] = _("Bitte wählen Sie ein Video im Format MP4 oder WebM.")
            if not self.captions:
                errors["captions"] = _("Ein Video braucht Untertitel (WebVTT).")
            if not self.duration:
                errors["duration"] = _("Bitte geben Sie die Dauer des Videos an.")
        if self.captions and self.captions.file_extension.lower() != "vtt":
            errors["captions"] = _("Untertitel müssen eine WebVTT-Datei (.vtt) sein.")
        if errors:
            raise ValidationError(errors)

    @property
    def video_type(self):
        return f"video/{self.video.file_extension.lower()}" if self.video else ""

    @property
    def duration_display(self):
        if not self.duration:
            return ""
        minutes, seconds = divmod(int(self.duration.total_seconds()), 60)
        return f"{minutes}:{seconds:02d}"
