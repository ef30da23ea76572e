"""The Leitbild "Soziale Kupferstadt 2030" and one page per initiative."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from kupferstadt.blocks import BaseStreamBlock, DocumentListBlock
from kupferstadt.models import STEM_SEARCH_FIELDS, SitePage, SitePageQuerySet, synchronised
from kupferstadt.registry import SearchFacet
from kupferstadt.serializers import (
    DistrictSerializer,
    OrganisationSerializer,
    PersonSerializer,
    TopicSerializer,
)

from .blocks import GoalsBlock, MilestonesBlock


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("geplant")
    RUNNING = "running", _("laufend")
    COMPLETED = "completed", _("abgeschlossen")


class ProjectIndexPage(SitePage):
    """The Leitbild "Soziale Kupferstadt 2030": its goals and motto, and its initiatives
    grouped by status."""

    intro = RichTextField(
        _("Einleitung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Worum geht es im Leitbild?"),
    )
    goals = StreamField(
        GoalsBlock(), verbose_name=_("Ziele"), blank=True, help_text=_("Ein Eintrag je Ziel.")
    )
    motto = models.CharField(
        _("Leitmotiv"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „aufeinander zugehen, voneinander lernen, miteinander leben“"),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("Weiterer Inhalt"),
        blank=True,
        help_text=_("Erscheint nach Zielen und Leitmotiv, vor der Liste der Initiativen."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("goals"),
        FieldPanel("motto"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("goals"),
        index.SearchField("motto"),
        index.SearchField("body"),
    ]
    api_fields = ["intro", "goals", "motto", "body"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["projects.ProjectPage"]

    schema_type = "CollectionPage"
    lists_content = True

    class Meta:
        verbose_name = _("Leitbild mit Initiativen")
        verbose_name_plural = _("Leitbilder mit Initiativen")

    def description_text(self):
        """The introduction describes the page."""
        return self.intro

    def initiatives_by_status(self):
        """``[(status label, [initiatives])]`` in the order running, planned, completed;
        statuses without initiatives are left out."""
        initiatives = list(ProjectPage.objects.shown_below(self, children=True).for_cards())
        order = [ProjectStatus.RUNNING, ProjectStatus.PLANNED, ProjectStatus.COMPLETED]
        return [
            (status.label, group)
            for status in order
            if (group := [p for p in initiatives if p.status == status])
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["initiatives_by_status"] = self.initiatives_by_status()
        return context


class ProjectPageQuerySet(SitePageQuerySet):
    def for_cards(self):
        """What a listing of cards reads besides the cards (``kupferstadt/cards.py``
        loads ``ProjectPage.card_relations`` for the cards it renders)."""
        return self.with_language().in_tree_order()

    def for_listing(self):
        return self.for_cards().prefetch_related(*self.model.card_relations)


class ProjectPage(RoutablePageMixin, SitePage):
    """One initiative of the programme, such as the Sozialbericht or the Aktionsplan
    Inklusion; its events and notices are listed automatically."""

    # What its card shows besides the page's own fields (``kupferstadt/cards.py``).
    card_relations = ("topics",)

    summary = models.TextField(
        _("Zusammenfassung"),
        max_length=600,
        help_text=_("Zwei bis drei Sätze für die Übersicht des Leitbilds."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("Inhalt"),
        blank=True,
        help_text=_("Ausführliche Beschreibung der Initiative."),
    )
    status = models.CharField(
        _("Stand"),
        max_length=20,
        choices=ProjectStatus.choices,
        default=ProjectStatus.RUNNING,
        help_text=_("Danach gruppiert das Leitbild seine Initiativen."),
    )
    period_start = models.DateField(
        _("Beginn"), null=True, blank=True, help_text=_("Optional: seit wann es sie gibt.")
    )
    period_end = models.DateField(
        _("Ende"), null=True, blank=True, help_text=_("Leer lassen, wenn noch offen.")
    )
    milestones = StreamField(
        MilestonesBlock(),
        verbose_name=_("Meilensteine"),
        blank=True,
        help_text=_("Wichtige Schritte mit Datum, Titel und kurzer Beschreibung."),
    )
    districts = ParentalManyToManyField(
        "kupferstadt.District",
        verbose_name=_("Stadtteile"),
        blank=True,
        related_name="projects",
        help_text=_("Die Stadtteile, in denen die Initiative wirkt."),
    )
    topics = ParentalManyToManyField(
        "kupferstadt.Topic",
        verbose_name=_("Themen"),
        blank=True,
        related_name="projects",
        help_text=_("Die Themen, zu denen die Initiative gehört."),
    )
    contacts = ParentalManyToManyField(
        "kupferstadt.Person",
        verbose_name=_("Ansprechpersonen"),
        blank=True,
        related_name="projects",
        help_text=_("Wer beantwortet Fragen zur Initiative?"),
    )
    partners = ParentalManyToManyField(
        "kupferstadt.Organisation",
        verbose_name=_("Partner"),
        blank=True,
        related_name="projects",
        help_text=_("Organisationen, die mitwirken."),
    )
    documents = StreamField(
        DocumentListBlock(),
        verbose_name=_("Dokumente"),
        blank=True,
        help_text=_("Berichte, Konzepte und Beschlüsse zum Herunterladen."),
    )

    objects = PageManager.from_queryset(ProjectPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
            ],
            heading=_("Stand und Zeitraum"),
        ),
        FieldPanel("body"),
        FieldPanel("milestones"),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Einordnung"),
        ),
        MultiFieldPanel([FieldPanel("contacts"), FieldPanel("partners")], heading=_("Beteiligte")),
        FieldPanel("documents"),
    ]
    search_fields = (
        Page.search_fields
        + STEM_SEARCH_FIELDS
        + [
            index.SearchField("summary"),
            index.SearchField("body"),
            index.SearchField("milestones"),
            index.FilterField("status"),
            index.RelatedFields("topics", [index.SearchField("name")]),
            index.RelatedFields("districts", [index.SearchField("name")]),
            index.RelatedFields("contacts", [index.SearchField("name")]),
            index.RelatedFields("partners", [index.SearchField("name")]),
        ]
    )
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("status"),
        APIField("period_start"),
        APIField("period_end"),
        APIField("milestones"),
        APIField("topics", serializer=TopicSerializer(many=True)),
        APIField("districts", serializer=DistrictSerializer(many=True)),
        APIField("contacts", serializer=PersonSerializer(many=True)),
        APIField("partners", serializer=OrganisationSerializer(many=True)),
        APIField("documents"),
    ]

    override_translatable_fields = synchronised(
        "status", "period_start", "period_end", "districts", "topics", "contacts", "partners"
    )

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    schema_type = "Project"
    search_facet = SearchFacet("initiatives", _("Initiativen"), 30)

    class Meta:
        verbose_name = _("Initiative")
        verbose_name_plural = _("Initiativen")

    def description_text(self):
        """The summary describes the initiative."""
        return self.summary

    @path("ical/", name="ical")
    def calendar(self, request):
        """The initiative's events as a subscribable calendar (``events``: the related
        name of ``EventPage.related_projects``, with the events' own queryset)."""
        events = self.shown_related(self.events).order_by("start")
        return events.calendar_response(request, self.title, filename=f"{self.slug}.ics")

    search_related_names = True

    def search_text_parts(self):
        related = [
            *(topic.name for topic in self.topics.all()),
            *(district.name for district in self.districts.all()),
            *(person.name for person in self.contacts.all()),
            *(partner.name for partner in self.partners.all()),
            *(block.value["title"] for block in self.milestones),
        ]
        return [*super().search_text_parts(), *related]

    def json_ld(self, request):
        data = super().json_ld(request)
        if partners := [p.name for p in self.partners.all()]:
            data["member"] = [{"@type": "Organization", "name": name} for name in partners]
        if self.period_start:
            data["foundingDate"] = self.period_start.isoformat()
        data["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": "Kupferstadt Stolberg",
        }
        return data

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("Das Ende darf nicht vor dem Beginn liegen.")})

    def related_events(self):
        """Events that name this initiative, upcoming first, then the most recent past."""
        events = self.shown_related(self.events).for_cards()
        upcoming = events.upcoming().with_next_occurrence().order_by("next_start", "pk")
        return list(upcoming) + list(events.past().order_by("-start")[:5])

    def related_notices(self):
        """Current notices that name this initiative."""
        return (
            self.shown_related(self.notices)
            .on_board()
            .for_cards()
            .order_by("-pinned", "-valid_from")
        )
