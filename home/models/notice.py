"""One notice (Aushang) on the Pinnwand, and the rule of when it hangs."""

from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from kupferstadt.blocks import BaseStreamBlock, DocumentListBlock
from kupferstadt.listing import visible_page
from kupferstadt.models import (
    STEM_SEARCH_FIELDS,
    PageImageMixin,
    PrintableMixin,
    SitePage,
    SitePageQuerySet,
    synchronised,
)
from kupferstadt.registry import SearchFacet
from kupferstadt.serializers import (
    AudienceSerializer,
    DistrictSerializer,
    OrganisationSerializer,
    TopicSerializer,
    VisiblePageField,
)

from .. import rules
from ..choices import Region
from ..rules import expired_q, not_begun_q, off_board_q
from ..serializers import OpeningHoursSerializer
from .opening_hours import RegularHoursMixin


class NoticePageQuerySet(SitePageQuerySet):
    def on_board(self, day=None):
        """Notices that hang on the board on ``day`` (today by default): the rule of
        ``home.rules``, served by notice_current_idx."""
        return self.exclude(off_board_q(day or timezone.localdate()))

    def off_board(self, day=None):
        """Notices that do not hang on the board on ``day``: not begun yet or expired."""
        return self.filter(off_board_q(day or timezone.localdate()))

    def not_begun(self, day=None):
        """Notices whose first day is still to come: nobody finds them yet."""
        return self.filter(not_begun_q(day or timezone.localdate()))

    def expired(self, day=None):
        """Notices whose last day has passed: they live on in the archive."""
        return self.filter(expired_q(day or timezone.localdate()))

    def board_order(self):
        """Pinned first, then by first day, newest first; among notices of the same day
        the one added last. Exactly notice_board_order_idx, so a page of the board reads
        only its own notices, however many hang."""
        return self.order_by("-pinned", "-valid_from", "-page_ptr_id")

    def for_cards(self):
        """What a listing of cards reads besides the cards (``kupferstadt/cards.py``
        loads ``NoticePage.card_relations`` for the cards it renders)."""
        return self.with_language().select_related("provider")

    def for_listing(self):
        return self.for_cards().prefetch_related(*NoticePage.card_relations)


class NoticePage(PrintableMixin, PageImageMixin, RegularHoursMixin, SitePage):
    """One notice (Aushang) on the Pinnwand: an offer, a course, a counselling service or
    an invitation, shown from its first to its last day; an offer may state its regular
    hours (``RegularHoursMixin``)."""

    # What its card shows besides the page's own fields (``kupferstadt/cards.py``).
    card_relations = ("topics", "districts", "opening_hours")

    teaser = models.TextField(
        _("Kurztext"),
        max_length=400,
        help_text=_("Zwei bis drei Sätze für die Übersicht der Pinnwand (höchstens 400 Zeichen)."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("Inhalt"),
        blank=True,
        help_text=_("Der ausführliche Text mit Überschriften, Absätzen, Bildern und Dokumenten."),
    )
    provider = models.ForeignKey(
        "kupferstadt.Organisation",
        verbose_name=_("Anbieter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notices",
        help_text=_("Die Organisation, die das Angebot macht."),
    )
    contacts = ParentalManyToManyField(
        "kupferstadt.Person",
        verbose_name=_("Ansprechpersonen"),
        blank=True,
        related_name="notices",
        help_text=_("Wer beantwortet Fragen zum Angebot?"),
    )
    topics = ParentalManyToManyField(
        "kupferstadt.Topic",
        verbose_name=_("Themen"),
        blank=True,
        related_name="notices",
        help_text=_("Nach diesen Themen können Bürgerinnen und Bürger filtern."),
    )
    audiences = ParentalManyToManyField(
        "kupferstadt.Audience",
        verbose_name=_("Zielgruppen"),
        blank=True,
        related_name="notices",
        help_text=_("Für wen ist das Angebot gedacht?"),
    )
    region = models.CharField(
        _("Region"),
        max_length=20,
        choices=Region.choices,
        default=Region.CITY,
        help_text=_("Ist das Angebot in Stolberg oder in der Städteregion Aachen?"),
    )
    districts = ParentalManyToManyField(
        "kupferstadt.District",
        verbose_name=_("Stadtteile"),
        blank=True,
        related_name="notices",
        help_text=_("Leer lassen, wenn das Angebot für die ganze Stadt gilt."),
    )
    valid_from = models.DateField(
        _("Aushang ab"),
        default=timezone.localdate,
        help_text=_("Erster Tag, an dem der Aushang auf der Pinnwand erscheint."),
    )
    valid_until = models.DateField(
        _("Aushang bis"),
        null=True,
        blank=True,
        help_text=_(
            "Letzter Tag auf der Pinnwand; danach steht der Aushang im Archiv. "
            "Leer lassen für unbefristete Aushänge."
        ),
    )
    pinned = models.BooleanField(
        _("Oben anheften"),
        default=False,
        help_text=_("Angeheftete Aushänge stehen immer oben auf der Pinnwand."),
    )
    documents = StreamField(
        DocumentListBlock(),
        verbose_name=_("Dokumente"),
        blank=True,
        help_text=_("Flyer, Anmeldebögen und andere Dateien zum Herunterladen."),
    )
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("Zugehörige Veranstaltung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notices",
        help_text=_("Optional: die Veranstaltung, zu der dieser Aushang einlädt."),
    )
    project = models.ForeignKey(
        "projects.ProjectPage",
        verbose_name=_("Zugehörige Initiative"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notices",
        help_text=_("Optional: die Initiative der Sozialen Kupferstadt 2030, zu der er gehört."),
    )

    source_url = models.URLField(
        _("Quelle (Original)"),
        max_length=500,
        blank=True,
        help_text=_("Bei importierten Einträgen: die Adresse des Originals beim Partner."),
    )

    objects = PageManager.from_queryset(NoticePageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldPanel("pinned"),
            ],
            heading=_("Laufzeit auf der Pinnwand"),
        ),
        RegularHoursMixin.hours_panel,
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("region"),
                FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Einordnung"),
        ),
        MultiFieldPanel(
            [FieldPanel("provider"), FieldPanel("contacts"), FieldPanel("source_url")],
            heading=_("Anbieter und Kontakt"),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Bild")),
        FieldPanel("documents"),
        MultiFieldPanel([FieldPanel("event"), FieldPanel("project")], heading=_("Verknüpfungen")),
    ]
    search_fields = (
        Page.search_fields
        + STEM_SEARCH_FIELDS
        + [
            index.SearchField("teaser"),
            index.SearchField("body"),
            index.FilterField("valid_from"),
            index.FilterField("valid_until"),
            index.FilterField("region"),
            index.RelatedFields("provider", [index.SearchField("name")]),
            index.RelatedFields("topics", [index.SearchField("name")]),
            index.RelatedFields("districts", [index.SearchField("name")]),
            index.RelatedFields("contacts", [index.SearchField("name")]),
        ]
    )
    api_fields = [
        APIField("teaser"),
        APIField("body"),
        APIField("provider", serializer=OrganisationSerializer()),
        APIField("topics", serializer=TopicSerializer(many=True)),
        APIField("audiences", serializer=AudienceSerializer(many=True)),
        APIField("region"),
        APIField("districts", serializer=DistrictSerializer(many=True)),
        APIField("valid_from"),
        APIField("valid_until"),
        APIField("pinned"),
        APIField("opening_hours", serializer=OpeningHoursSerializer()),
        APIField("closed_on_public_holidays"),
        APIField("hours_note"),
        APIField("event", serializer=VisiblePageField()),
        APIField("project", serializer=VisiblePageField()),
    ]

    # Texts are translated; when and where the notice hangs and how it is classified
    # come from the German source.
    override_translatable_fields = synchronised(
        "valid_from",
        "valid_until",
        "pinned",
        "region",
        "provider",
        "topics",
        "audiences",
        "districts",
        "contacts",
        "event",
        "project",
        "source_url",
        "opening_hours",
        "closed_on_public_holidays",
    )

    parent_page_types = ["home.PinnwandPage"]
    subpage_types = []

    schema_type = "Article"
    search_facet = SearchFacet("notices", _("Aushänge"), 10)
    print_template = "home/notice_page_print.html"

    class Meta:
        verbose_name = _("Aushang")
        verbose_name_plural = _("Aushänge")
        # The board, its archive and the search ask by date; with thousands of notices
        # they should not read every one. The board's order (PinnwandPage.notices) is an
        # index of its own.
        indexes = [
            models.Index(fields=["-valid_until", "-page_ptr"], name="notice_archive_order_idx"),
            # Whether a notice hangs today, and its id: counted from the index alone.
            models.Index(
                fields=["valid_from", "valid_until", "page_ptr"], name="notice_current_idx"
            ),
            models.Index(
                fields=["-pinned", "-valid_from", "-page_ptr"], name="notice_board_order_idx"
            ),
        ]

    def description_text(self):
        """The teaser introduces the notice."""
        return self.teaser

    def json_ld(self, request):
        data = super().json_ld(request)
        data["headline"] = self.title
        data["datePublished"] = self.valid_from.isoformat()
        if self.valid_until:
            data["expires"] = self.valid_until.isoformat()
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.provider:
            data["author"] = {"@type": "Organization", "name": self.provider.name}
            if self.provider.url:
                data["author"]["url"] = self.provider.url
        if topics := [topic.name for topic in self.topics.all()]:
            data["keywords"] = ", ".join(topics)
        if hours := self.opening_hours_specification():
            # An Article has no opening hours; the offer it describes is a Service, whose
            # hours schema.org calls hoursAvailable.
            data["mainEntity"] = {"@type": "Service", "name": self.title, "hoursAvailable": hours}
            if self.provider:
                data["mainEntity"]["provider"] = data["author"]
        if event := self.public_event:
            data["about"] = {
                "@type": "Event",
                "name": event.title,
                "url": event.get_full_url(request),
            }
        return data

    @cached_property
    def public_event(self):
        """The linked event, unless it is a draft or private."""
        return visible_page(self.event)

    @cached_property
    def public_project(self):
        """The linked initiative, unless it is a draft or private."""
        return visible_page(self.project)

    search_related_names = True

    def search_text_parts(self):
        related = [
            *(topic.name for topic in self.topics.all()),
            *(audience.name for audience in self.audiences.all()),
            *(district.name for district in self.districts.all()),
            *(person.name for person in self.contacts.all()),
            self.provider.name if self.provider else "",
            self.get_region_display(),
        ]
        return [*super().search_text_parts(), *related]

    def share_lines(self):
        lines = [self.title, self.teaser]
        if self.provider:
            lines.append(self.provider.name)
        return lines

    def clean(self):
        super().clean()
        errors = {}
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            errors["valid_until"] = _("„Aushang bis“ darf nicht vor „Aushang ab“ liegen.")
        errors.update(self.image_errors())
        if errors:
            raise ValidationError(errors)

    @property
    def is_expired(self):
        return rules.is_expired(self, timezone.localdate())

    @property
    def has_begun(self):
        """Whether the notice's first day ("Aushang ab") has come; before it, visitors
        find it nowhere and its address answers 404 (editors see it in the preview)."""
        return rules.has_begun(self, timezone.localdate())

    def route(self, request, path_components):
        # The page and its print view; Wagtail's preview does not route.
        if not self.has_begun:
            raise Http404
        return super().route(request, path_components)

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.has_begun else []
