"""One event: its fields, panels and what search and the API read of it."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from kupferstadt.blocks import BaseStreamBlock
from kupferstadt.models import (
    STEM_SEARCH_FIELDS,
    PageImageMixin,
    PrintableMixin,
    SitePage,
    synchronised,
)
from kupferstadt.registry import SearchFacet
from kupferstadt.serializers import (
    AudienceSerializer,
    OrganisationSerializer,
    PersonSerializer,
    TopicSerializer,
    VenueSerializer,
    VisiblePagesField,
)

from ..blocks import LeadingQuestionsBlock, ProgrammeBlock
from ..choices import EventStatus, Registration
from ..panels import SeriesPreviewPanel
from ..serializers import NextOccurrenceField, RecurrenceField
from ..structured_data import event_json_ld
from .querysets import EventPageQuerySet
from .schedule import EventScheduleMixin
from .series import EventSeriesFields


class EventPage(EventScheduleMixin, PrintableMixin, PageImageMixin, EventSeriesFields, SitePage):
    """One event with date, place, programme and registration; shown in the calendar and
    on the initiatives it belongs to. It may repeat ("Wiederholung"): a series with a rule,
    extra and excluded dates and changes of single occurrences (events/recurrence.py);
    its dates are kept as rows in ``EventOccurrence`` for listings and feeds."""

    # What its card shows besides the page's own fields (``kupferstadt/cards.py``).
    card_relations = ("topics",)

    subtitle = models.CharField(
        _("Untertitel"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „Forum – Dialog und Begegnung“"),
    )
    start = models.DateTimeField(
        _("Beginn"), help_text=_("Datum und Uhrzeit in deutscher Zeit (Europe/Berlin).")
    )
    end = models.DateTimeField(
        _("Ende"),
        null=True,
        blank=True,
        help_text=_("Muss nach dem Beginn liegen. Leer lassen nur bei „Ende offen“."),
    )
    all_day = models.BooleanField(
        _("Ganztägig"),
        default=False,
        help_text=_("Uhrzeiten werden nicht angezeigt; das Ende ist der letzte Tag."),
    )
    open_end = models.BooleanField(
        _("Ende offen"), default=False, help_text=_("Die Veranstaltung hat kein festes Ende.")
    )
    status = models.CharField(
        _("Stand"),
        max_length=20,
        choices=EventStatus.choices,
        default=EventStatus.SAVE_THE_DATE,
        help_text=_("„Save the date“, solange Einladung und Programm noch folgen."),
    )
    venue = models.ForeignKey(
        "kupferstadt.Venue",
        verbose_name=_("Veranstaltungsort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        help_text=_("Aus den Stammdaten; fehlt der Ort, legen Sie ihn dort an."),
    )
    online_url = models.URLField(
        _("Online-Link"),
        blank=True,
        help_text=_("Adresse der Videokonferenz oder des Livestreams, wenn online."),
    )
    leading_questions = StreamField(
        LeadingQuestionsBlock(),
        verbose_name=_("Leitfragen"),
        blank=True,
        help_text=_("Die Fragen, um die es bei der Veranstaltung geht."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("Beschreibung"),
        blank=True,
        help_text=_("Einladungstext und weitere Informationen zur Veranstaltung."),
    )
    programme = StreamField(
        ProgrammeBlock(),
        verbose_name=_("Programm"),
        blank=True,
        help_text=_("Ein Eintrag je Programmpunkt mit Uhrzeit, Titel und Mitwirkenden."),
    )
    programme_note = models.CharField(
        _("Hinweis zum Programm"),
        max_length=300,
        blank=True,
        help_text=_(
            "Erscheint, solange kein Programm eingetragen ist, z. B. wann Einladung und "
            "Programm folgen."
        ),
    )
    host = models.ForeignKey(
        "kupferstadt.Organisation",
        verbose_name=_("Gastgeber"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
        help_text=_("Wer lädt ein?"),
    )
    organisers = ParentalManyToManyField(
        "kupferstadt.Organisation",
        verbose_name=_("Mitveranstalter"),
        blank=True,
        related_name="organised_events",
        help_text=_("Organisationen, die die Veranstaltung mit ausrichten."),
    )
    supporters = ParentalManyToManyField(
        "kupferstadt.Organisation",
        verbose_name=_("Unterstützer"),
        blank=True,
        related_name="supported_events",
        help_text=_("Förderer und Unterstützer, z. B. ein Ministerium."),
    )
    contacts = ParentalManyToManyField(
        "kupferstadt.Person",
        verbose_name=_("Ansprechpersonen"),
        blank=True,
        related_name="events",
        help_text=_("Wer beantwortet Fragen zur Veranstaltung?"),
    )
    topics = ParentalManyToManyField(
        "kupferstadt.Topic",
        verbose_name=_("Themen"),
        blank=True,
        related_name="events",
        help_text=_("Nach diesen Themen kann der Kalender gefiltert werden."),
    )
    audiences = ParentalManyToManyField(
        "kupferstadt.Audience",
        verbose_name=_("Zielgruppen"),
        blank=True,
        related_name="events",
        help_text=_("Für wen ist die Veranstaltung gedacht?"),
    )
    registration = models.CharField(
        _("Anmeldung"),
        max_length=10,
        choices=Registration.choices,
        default=Registration.NONE,
        help_text=_("Wie meldet man sich an?"),
    )
    registration_url = models.URLField(
        _("Link zur Anmeldung"), blank=True, help_text=_("Pflicht bei „Anmeldung über einen Link“")
    )
    registration_email = models.EmailField(
        _("E-Mail für die Anmeldung"),
        blank=True,
        help_text=_("Pflicht bei „Anmeldung per E-Mail“"),
    )
    registration_deadline = models.DateField(
        _("Anmeldeschluss"), null=True, blank=True, help_text=_("Letzter Tag der Anmeldung")
    )
    places = models.PositiveIntegerField(
        _("Plätze"), null=True, blank=True, help_text=_("Leer lassen, wenn unbegrenzt.")
    )
    invitation = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Einladung (Dokument)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Die Einladung als PDF, möglichst barrierefrei."),
    )
    programme_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Programm (Dokument)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Das Programm als PDF, möglichst barrierefrei."),
    )
    related_projects = ParentalManyToManyField(
        "projects.ProjectPage",
        verbose_name=_("Zugehörige Initiativen"),
        blank=True,
        related_name="events",
        help_text=_("Die Initiativen, zu denen die Veranstaltung gehört."),
    )
    source_url = models.URLField(
        _("Quelle (Original)"),
        max_length=500,
        blank=True,
        help_text=_("Bei importierten Einträgen: die Adresse des Originals beim Partner."),
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()

    content_panels = Page.content_panels + [
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("all_day"), FieldPanel("open_end")]),
                FieldPanel("status"),
            ],
            heading=_("Termin"),
        ),
        *EventSeriesFields.series_panels(SeriesPreviewPanel()),
        MultiFieldPanel([FieldPanel("venue"), FieldPanel("online_url")], heading=_("Ort")),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Bild")),
        FieldPanel("leading_questions"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("programme"), FieldPanel("programme_note")], heading=_("Programm")
        ),
        MultiFieldPanel(
            [
                FieldPanel("host"),
                FieldPanel("organisers"),
                FieldPanel("supporters"),
                FieldPanel("contacts"),
                FieldPanel("source_url"),
            ],
            heading=_("Beteiligte"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("related_projects"),
            ],
            heading=_("Einordnung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration"),
                FieldRowPanel([FieldPanel("registration_url"), FieldPanel("registration_email")]),
                FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("places")]),
            ],
            heading=_("Anmeldung"),
        ),
        MultiFieldPanel(
            [FieldPanel("invitation"), FieldPanel("programme_document")],
            heading=_("Downloads"),
        ),
    ]
    search_fields = (
        Page.search_fields
        + STEM_SEARCH_FIELDS
        + [
            index.SearchField("subtitle"),
            index.SearchField("leading_questions"),
            index.SearchField("body"),
            index.SearchField("programme"),
            index.FilterField("start"),
            index.FilterField("end"),
            index.FilterField("status"),
            index.RelatedFields("venue", [index.SearchField("name"), index.SearchField("street")]),
            index.RelatedFields("topics", [index.SearchField("name")]),
            index.RelatedFields("contacts", [index.SearchField("name")]),
            index.RelatedFields("host", [index.SearchField("name")]),
        ]
    )
    api_fields = [
        APIField("subtitle"),
        APIField("start"),
        APIField("end"),
        APIField("all_day"),
        APIField("open_end"),
        APIField("status"),
        APIField("venue", serializer=VenueSerializer()),
        APIField("online_url"),
        APIField("leading_questions"),
        APIField("body"),
        APIField("programme"),
        APIField("host", serializer=OrganisationSerializer()),
        APIField("supporters", serializer=OrganisationSerializer(many=True)),
        APIField("contacts", serializer=PersonSerializer(many=True)),
        APIField("topics", serializer=TopicSerializer(many=True)),
        APIField("audiences", serializer=AudienceSerializer(many=True)),
        APIField("registration"),
        APIField("registration_url"),
        APIField("registration_email"),
        APIField("registration_deadline"),
        APIField("related_projects", serializer=VisiblePagesField()),
        APIField("recurrence", serializer=RecurrenceField()),
        APIField("next_start", serializer=NextOccurrenceField("start")),
        APIField("next_end", serializer=NextOccurrenceField("end")),
        APIField("next_cancelled", serializer=NextOccurrenceField("cancelled")),
    ]
    # What an API listing reads at once for these fields (kupferstadt/api.py).
    api_prefetch = {"recurrence": ("extra_dates", "excluded_dates", "occurrence_changes")}

    # Texts are translated; date, time, status, links and registration facts come from
    # the German source and cannot drift. The venue is translated as a snippet.
    override_translatable_fields = synchronised(
        "start",
        "end",
        "all_day",
        "open_end",
        "status",
        "online_url",
        "host",
        "organisers",
        "supporters",
        "contacts",
        "topics",
        "audiences",
        "registration",
        "registration_url",
        "registration_email",
        "registration_deadline",
        "places",
        "related_projects",
        "source_url",
        "repeat",
        "repeat_interval",
        "repeat_weekdays",
        "repeat_week_of_month",
        "repeat_until",
        "repeat_count",
        "skip_public_holidays",
        "skip_school_holidays",
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    print_description = False  # the subtitle already heads the printed sheet
    schema_type = "Event"
    search_facet = SearchFacet("events", _("Veranstaltungen"), 20)
    print_template = "events/event_page_print.html"

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        # The calendar, its feeds and the home page list events by their start.
        indexes = [models.Index(fields=["start", "page_ptr"], name="event_start_idx")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        recurrence = self.serve_recurrence()
        if recurrence.is_series:
            preview = getattr(request, "is_preview", False)
            context["series_sentence"] = recurrence.sentence()
            context["next_dates"] = self.next_dates(from_rule=preview)
        return context

    def description_text(self):
        """The subtitle describes the event."""
        return self.subtitle

    @path("ical/", name="ical")
    def calendar(self, request):
        events = EventPage.objects.filter(pk=self.pk)
        return events.calendar_response(request, self.title, filename=f"{self.slug}.ics")

    def clean(self):
        super().clean()
        errors = self.schedule_errors()
        if self.start and "end" not in errors:
            errors.update(self.recurrence.errors())
        if self.registration == Registration.LINK and not self.registration_url:
            errors["registration_url"] = _("Bitte geben Sie den Link zur Anmeldung an.")
        errors.update(self.image_errors())
        if self.registration == Registration.EMAIL and not self.registration_email:
            errors["registration_email"] = _("Bitte geben Sie die E-Mail-Adresse an.")
        if errors:
            raise ValidationError(errors)

    def live_related_projects(self):
        """The published, public initiatives of the event. Reads the chosen ones through
        ``related_projects`` so that a preview shows its unsaved choice too (there the
        relation is an in-memory list without page querysets)."""
        project_model = self._meta.get_field("related_projects").related_model
        chosen = [project.pk for project in self.related_projects.all()]
        return project_model.objects.live().public().filter(pk__in=chosen)

    def json_ld(self, request):
        return event_json_ld(self, request)

    search_related_names = True

    def search_text_parts(self):
        related = [
            *(block.value for block in self.leading_questions),
            *(f"{item.value['title']} {item.value['speakers']}" for item in self.programme),
            *(topic.name for topic in self.topics.all()),
            *(person.name for person in self.contacts.all()),
            self.host.name if self.host else "",
        ]
        if self.venue:
            related += [self.venue.name, self.venue.full_address]
        return [*super().search_text_parts(), *related]
