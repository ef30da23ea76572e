"""Snippets shared by every part of the site: topics, audiences, districts,
organisations, people, venues and the footer text."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index

from ..text import german_slugify
from .fields import synchronised
from .images import CustomImage

SLUG_HELP = _("Kurzname für Adressen und Filter; wird aus dem Namen erzeugt, wenn leer.")


class SluggedSnippet(models.Model):
    """A named snippet that can be used as a filter value in URLs."""

    name = models.CharField(
        _("Name"), max_length=120, help_text=_("So erscheint der Eintrag auf der Website.")
    )
    slug = models.SlugField(_("Kurzname"), max_length=120, blank=True, help_text=SLUG_HELP)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    # Master data the Redaktion and the Freigabe Sozialplanung maintain (home/roles.py).
    editorial = True

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
    # Master data the Redaktion and the Freigabe Sozialplanung maintain (home/roles.py).
    editorial = True

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
    # Master data the Redaktion and the Freigabe Sozialplanung maintain (home/roles.py).
    editorial = True

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
    # Master data the Redaktion and the Freigabe Sozialplanung maintain (home/roles.py).
    editorial = True

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
    German one, translators translate it like any snippet; a language without its own
    shows the German one."""

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
