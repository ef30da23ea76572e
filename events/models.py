"""Events such as the forum "Fünf Jahre Soziale Kupferstadt 2030" and their index."""

import datetime
import hashlib

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.search import index

from kupferstadt.blocks import BaseStreamBlock
from kupferstadt.listing import paginate
from kupferstadt.models import (
    STEM_SEARCH_FIELDS,
    ListingFeedsMixin,
    PageImageMixin,
    PrintableMixin,
    SitePage,
    SitePageQuerySet,
    synchronised,
)
from kupferstadt.serializers import (
    AudienceSerializer,
    OrganisationSerializer,
    PersonSerializer,
    TopicSerializer,
    VenueSerializer,
    VisiblePagesField,
)

from .blocks import LeadingQuestionsBlock, ProgrammeBlock
from .choices import EventStatus, Registration
from .feeds import EventFeed
from .filters import EventFilter
from .ical import calendar_response
from .structured_data import event_json_ld


class EventIndexPage(ListingFeedsMixin, SitePage):
    """The calendar: upcoming events first, past events in the archive, filterable by
    month and topic."""

    intro = RichTextField(
        _("Einleitung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Erscheint über der Liste der Veranstaltungen."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    description_field = "intro"
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("Veranstaltungsübersicht")
        verbose_name_plural = _("Veranstaltungsübersichten")

    @path("")
    def upcoming_events(self, request):
        return self.render(request)

    @path("archiv/", name="archive")
    def past_events(self, request):
        return self.render(request, archive=True)

    def feed(self, request, atom):
        return EventFeed(self, self._filtered(request), atom=atom)(request)

    @path("ical/", name="ical")
    def calendar(self, request):
        """Subscribable calendar: upcoming events and those of the last 90 days."""
        since = timezone.now() - datetime.timedelta(days=90)
        events = EventPage.objects.live().public().child_of(self).translated().upcoming(since)
        events = self._filtered(request, events.order_by("start"))
        return events.calendar_response(request, self.title, filename="veranstaltungen.ics")

    def _filtered(self, request, events=None):
        events = self.events() if events is None else events
        return EventFilter(request.GET, queryset=events, request=request).qs

    def events(self, archive=False):
        events = EventPage.objects.live().public().child_of(self).translated()
        if archive:
            return events.past().order_by("-start")
        return events.upcoming().order_by("start")

    def get_context(self, request, *args, archive=False, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = EventFilter(request.GET, queryset=self.events(archive), request=request)
        page, page_message = paginate(
            request, filters.qs.for_listing(), settings.KUPFERSTADT_PAGE_SIZE
        )
        context.update(archive=archive, filters=filters, events=page, page_message=page_message)
        return context


class EventPageQuerySet(SitePageQuerySet):
    def _still_running(self, now):
        # An open-end event counts as running until the end of its first day
        # (the same rule as EventPage.is_past).
        start_of_today = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
        return Q(end__gte=now) | Q(end__isnull=True, start__gte=start_of_today)

    def upcoming(self, now=None):
        return self.filter(self._still_running(now or timezone.now()))

    def past(self, now=None):
        return self.exclude(self._still_running(now or timezone.now()))

    def for_listing(self):
        return self.select_related("venue", "locale").prefetch_related("topics")

    def for_calendar(self):
        """Everything an iCal feed needs, in a constant number of queries."""
        return self.select_related("venue", "locale", "host", "calendar_state").prefetch_related(
            "topics"
        )

    def calendar_response(self, request, name, filename):
        """These events as a subscribable iCalendar file named ``filename``: what the
        calendar, an event and an initiative (through its ``events``) offer."""
        return calendar_response(request, self.for_calendar(), name, filename=filename)


class EventPage(PrintableMixin, PageImageMixin, SitePage):
    """One event with date, place, programme and registration; shown in the calendar and
    on the initiatives it belongs to."""

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
    ]

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
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    description_field = "subtitle"
    print_description = False  # the subtitle already heads the printed sheet
    schema_type = "Event"

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")
        # The calendar, its feeds and the home page list events by their start.
        indexes = [models.Index(fields=["start", "page_ptr"], name="event_start_idx")]

    @path("ical/", name="ical")
    def calendar(self, request):
        events = EventPage.objects.filter(pk=self.pk)
        return events.calendar_response(request, self.title, filename=f"{self.slug}.ics")

    def clean(self):
        super().clean()
        errors = {}
        if self.open_end:
            self.end = None
        elif self.end is None:
            errors["end"] = _("Bitte geben Sie ein Ende an oder wählen Sie „Ende offen“.")
        if self.start and self.end:
            if self.all_day:
                if timezone.localtime(self.end).date() < timezone.localtime(self.start).date():
                    errors["end"] = _("Der letzte Tag darf nicht vor dem ersten Tag liegen.")
            elif self.end <= self.start:
                errors["end"] = _("Das Ende muss nach dem Beginn liegen.")
        if self.status == EventStatus.MOVED_ONLINE and not self.online_url:
            errors["online_url"] = _("Bitte geben Sie den Online-Link an.")
        if not self.venue_id and not self.online_url:
            errors["venue"] = _(
                "Bitte wählen Sie einen Veranstaltungsort oder geben Sie einen Online-Link an."
            )
        if self.registration == Registration.LINK and not self.registration_url:
            errors["registration_url"] = _("Bitte geben Sie den Link zur Anmeldung an.")
        errors.update(self.image_errors())
        if self.registration == Registration.EMAIL and not self.registration_email:
            errors["registration_email"] = _("Bitte geben Sie die E-Mail-Adresse an.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.all_day and self.start:
            # Whole-day events run from the first day's start to the last day's end,
            # so listings and calendars treat them alike.
            first = timezone.localtime(self.start).date()
            last = timezone.localtime(self.end).date() if self.end else first
            tz = timezone.get_current_timezone()
            self.start = datetime.datetime.combine(first, datetime.time.min, tzinfo=tz)
            self.end = datetime.datetime.combine(last, datetime.time(23, 59, 59), tzinfo=tz)
            self.open_end = False
        super().save(*args, **kwargs)

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end) if self.end else None

    @property
    def is_multi_day(self):
        return bool(self.end and self.local_end.date() != self.local_start.date())

    @property
    def is_past(self):
        """The same rule as ``EventPage.objects.past()``, for one loaded event."""
        now = timezone.localtime()
        if self.end:
            return self.end < now
        return self.local_start.date() < now.date()

    def live_related_projects(self):
        """The published, public initiatives of the event. Reads the chosen ones through
        ``related_projects`` so that a preview shows its unsaved choice too (there the
        relation is an in-memory list without page querysets)."""
        project_model = self._meta.get_field("related_projects").related_model
        chosen = [project.pk for project in self.related_projects.all()]
        return project_model.objects.live().public().filter(pk__in=chosen)

    @property
    def attendance_mode(self):
        """schema.org attendance mode: offline, online or mixed."""
        online = bool(self.online_url) or self.status == EventStatus.MOVED_ONLINE
        if online and self.venue_id and self.status != EventStatus.MOVED_ONLINE:
            return "MixedEventAttendanceMode"
        return "OnlineEventAttendanceMode" if online else "OfflineEventAttendanceMode"

    @property
    def published_calendar_state(self):
        """The calendar state recorded at the last publish, or None before the first."""
        try:
            return self.calendar_state
        except EventCalendarState.DoesNotExist:
            return None

    def calendar_fingerprint(self):
        """What subscribed calendars must hear about: time, place and status."""
        parts = [self.start, self.end, self.all_day, self.venue_id, self.online_url, self.status]
        return hashlib.sha256(repr(parts).encode()).hexdigest()

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

    def share_lines(self):
        when = date_format(self.local_start, "l") + ", " + date_format(self.local_start)
        if not self.all_day:
            when += ", " + date_format(self.local_start, "H:i")
            if self.end and not self.is_multi_day:
                when += " – " + date_format(self.local_end, "H:i")
            when += " " + gettext("Uhr")
        return [self.title, when, str(self.place)]

    @property
    def place(self):
        """Where to go, in one line: the venue with its address, or "Online"."""
        if self.venue:
            return f"{self.venue.name}, {self.venue.full_address}"
        return _("Online")


class EventCalendarState(models.Model):
    """What subscribed calendars last saw of an event: kept apart from the page so that
    revisions and drafts cannot turn it back. SEQUENCE rises with every publish that
    changes time, place or status; the previous start date serves "rescheduled"."""

    event = models.OneToOneField(
        EventPage, on_delete=models.CASCADE, primary_key=True, related_name="calendar_state"
    )
    sequence = models.PositiveIntegerField(default=0)
    fingerprint = models.CharField(max_length=64)
    published_start = models.DateTimeField()
    previous_start = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Kalenderstand einer Veranstaltung")
        verbose_name_plural = _("Kalenderstände der Veranstaltungen")

    def __str__(self):
        return f"{self.event} (SEQUENCE {self.sequence})"
