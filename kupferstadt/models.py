"""Content shared by every part of the site: snippets, images, settings, free pages."""

from urllib.parse import quote, urlencode

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from .blocks import BaseStreamBlock
from .text import german_slugify

SLUG_HELP = _("Kurzname für Adressen und Filter; wird aus dem Namen erzeugt, wenn leer.")


class CustomImage(AbstractImage):
    """Images uploaded by editors; the description is the alternative text."""

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
    ]

    class Meta:
        verbose_name = _("Website-Einstellungen")


class SitePage(Page):
    """What every public page of the site shares: its description for search engines and
    link previews, its structured data (schema.org JSON-LD) and its share link."""

    # Name of the field whose text describes the page when no search description is set.
    description_field = None
    # Whether the printed Aushang starts with that description.
    print_description = True
    schema_type = "WebPage"

    class Meta:
        abstract = True

    def meta_description(self):
        text = self.search_description
        if not text and self.description_field:
            text = strip_tags(str(getattr(self, self.description_field, "") or ""))
        return Truncator(" ".join(text.split())).chars(200)

    def essential_text(self, words=110):
        """Plain paragraphs for the printed Aushang: the page's summary, then its body text,
        cut to fit one A4 page."""
        paragraphs = [self.meta_description()] if self.print_description else []
        body = getattr(self, "body", None)
        for block in body.raw_data if body is not None else []:
            if block["type"] == "paragraph":
                paragraphs.append(" ".join(strip_tags(block["value"]).split()))
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
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = ["intro", "body"]

    parent_page_types = ["home.HomePage", "kupferstadt.StandardPage"]
    subpage_types = ["kupferstadt.StandardPage"]

    class Meta:
        verbose_name = _("Standardseite")
        verbose_name_plural = _("Standardseiten")
