"""The home page and the Pinnwand (bulletin board) with its notices."""

from functools import cached_property

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import models, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, PageManager
from wagtail.search import index

from events.models import EventPage
from kupferstadt.blocks import BaseStreamBlock, DocumentListBlock
from kupferstadt.forms import single_line
from kupferstadt.listing import paginate, visible_page
from kupferstadt.models import (
    STEM_SEARCH_FIELDS,
    ListingFeedsMixin,
    Organisation,
    PageImageMixin,
    PrintableMixin,
    SitePage,
    SitePageQuerySet,
    SiteSettings,
    synchronised,
)
from kupferstadt.serializers import (
    AudienceSerializer,
    DistrictSerializer,
    OrganisationSerializer,
    TopicSerializer,
    VisiblePageField,
)
from kupferstadt.text import german_slugify
from projects.models import ProjectPage

from .choices import Region
from .feeds import NoticeFeed
from .filters import NoticeFilter
from .forms import OfferSubmissionForm


class HomePage(SitePage):
    """The start page of a site: an introduction; notices, events and initiatives are
    picked automatically from the pages below it."""

    intro = RichTextField(
        _("Begrüßung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Kurzer Text oben auf der Startseite."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = ["intro"]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.PinnwandPage",
        "events.EventIndexPage",
        "projects.ProjectIndexPage",
        "kupferstadt.StandardPage",
        "kupferstadt.AccessibilityStatementPage",
        "kupferstadt.BarrierReportPage",
        "kupferstadt.EasyLanguagePage",
        "kupferstadt.SignLanguagePage",
        "home.OfferSubmissionPage",
    ]

    description_field = "intro"

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    def json_ld(self, request):
        contact = SiteSettings.for_request(request)
        data = super().json_ld(request)
        data["@type"] = ["WebSite"]
        data["publisher"] = organisation = {
            "@type": "GovernmentOrganization",
            "name": contact.organisation_name,
            "url": self.get_full_url(request),
        }
        if contact.street:
            organisation["address"] = {
                "@type": "PostalAddress",
                "streetAddress": contact.street,
                "postalCode": contact.postal_code,
                "addressLocality": contact.city,
                "addressCountry": "DE",
            }
        if contact.email:
            organisation["email"] = contact.email
        if contact.phone:
            organisation["telephone"] = contact.phone
        return data

    def latest_notices(self, limit=4):
        return (
            NoticePage.objects.live()
            .public()
            .descendant_of(self)
            .translated()
            .current()
            .board_order()
            .for_listing()[:limit]
        )

    def upcoming_events(self, limit=3):
        return (
            EventPage.objects.live()
            .public()
            .descendant_of(self)
            .translated()
            .upcoming()
            .order_by("start", "pk")
            .for_listing()[:limit]
        )

    def initiatives(self):
        return ProjectPage.objects.live().public().descendant_of(self).translated().for_listing()


class PinnwandPage(ListingFeedsMixin, SitePage):
    """The bulletin board: lists its current notices, newest first with pinned ones on top,
    filterable by topic, audience, region and district; expired notices go to the archive."""

    intro = RichTextField(
        _("Einleitung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Erscheint über der Liste der Aushänge."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = ["intro"]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NoticePage"]

    description_field = "intro"
    schema_type = "CollectionPage"

    class Meta:
        verbose_name = _("Pinnwand")
        verbose_name_plural = _("Pinnwände")

    @path("")
    def current_notices(self, request):
        return self.render(request)

    @path("archiv/", name="archive")
    def archived_notices(self, request):
        return self.render(request, archive=True)

    def feed(self, request, atom):
        filters = NoticeFilter(request.GET, queryset=self.notices(), request=request)
        return NoticeFeed(self, filters, atom=atom)(request)

    def offer_page(self):
        """The public "Angebot melden" form next to this board, if there is one."""
        return OfferSubmissionPage.objects.live().public().sibling_of(self).first()

    def notices(self, archive=False):
        notices = NoticePage.objects.live().public().child_of(self).translated()
        if archive:
            # Last day, latest first; then the notice added last: notice_archive_order_idx.
            return notices.expired().order_by("-valid_until", "-page_ptr_id")
        return notices.current().board_order()

    def get_context(self, request, *args, archive=False, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = NoticeFilter(request.GET, queryset=self.notices(archive), request=request)
        page, page_message = paginate(
            request, filters.qs.for_listing(), settings.KUPFERSTADT_PAGE_SIZE
        )
        context.update(archive=archive, filters=filters, notices=page, page_message=page_message)
        return context


class NoticePageQuerySet(SitePageQuerySet):
    def current(self, day=None):
        """Notices shown on the board on ``day`` (today by default)."""
        day = day or timezone.localdate()
        return self.filter(valid_from__lte=day).exclude(valid_until__lt=day)

    def expired(self, day=None):
        """Notices whose last day has passed: they live on in the archive."""
        day = day or timezone.localdate()
        return self.filter(valid_until__lt=day)

    def board_order(self):
        """Pinned first, then by first day, newest first; among notices of the same day
        the one added last. Exactly notice_board_order_idx, so a page of the board reads
        only its own notices, however many hang."""
        return self.order_by("-pinned", "-valid_from", "-page_ptr_id")

    def for_listing(self):
        return self.select_related("provider", "locale").prefetch_related("topics", "districts")


class NoticePage(PrintableMixin, PageImageMixin, SitePage):
    """One notice (Aushang) on the Pinnwand: an offer, a course, a counselling service or
    an invitation, shown from its first to its last day."""

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
            [FieldPanel("provider"), FieldPanel("contacts")], heading=_("Anbieter und Kontakt")
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
    )

    parent_page_types = ["home.PinnwandPage"]
    subpage_types = []

    description_field = "teaser"
    schema_type = "Article"

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
        return bool(self.valid_until and self.valid_until < timezone.localdate())

    @property
    def has_begun(self):
        """Whether the notice's first day ("Aushang ab") has come; before it, visitors
        find it nowhere and its address answers 404 (editors see it in the preview)."""
        return not self.valid_from or self.valid_from <= timezone.localdate()

    def route(self, request, path_components):
        # The page and its print view; Wagtail's preview does not route.
        if not self.has_begun:
            raise Http404
        return super().route(request, path_components)

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.has_begun else []


class OfferSubmissionPage(RoutablePageMixin, SitePage):
    """The public form "Angebot melden": associations and providers send an offer; it
    becomes a draft notice on the Pinnwand that the Sozialplanung approves."""

    intro = RichTextField(
        _("Einleitung"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Steht über dem Formular: Was für Angebote passen auf die Pinnwand?"),
    )
    thanks = RichTextField(
        _("Bestätigung"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Erscheint nach dem Absenden."),
    )
    pinnwand = models.ForeignKey(
        "home.PinnwandPage",
        verbose_name=_("Pinnwand"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Unter diese Pinnwand kommen die Entwürfe; leer: die erste der Website."),
    )

    description_field = "intro"
    # The button of the form (kupferstadt/form_page.html).
    submit_label = _("Angebot senden")
    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("thanks"),
        FieldPanel("pinnwand"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = ["intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Formular „Angebot melden“")
        verbose_name_plural = _("Formulare „Angebot melden“")

    def target_pinnwand(self):
        if self.pinnwand_id:
            return self.pinnwand
        return PinnwandPage.objects.child_of(self.get_parent()).first()

    @path("")
    def submit(self, request):
        privacy = SiteSettings.for_request(request).privacy_page
        privacy_url = privacy.get_url(request) if privacy and privacy.live else None
        status = 200
        if request.method == "POST":
            form = OfferSubmissionForm(request.POST, request.FILES, privacy_url=privacy_url)
            if form.rate_limit.exceeded(request):
                form.add_rate_limit_error()
                status = 429
            elif form.is_valid():
                self.receive_offer(form.cleaned_data)
                form.rate_limit.count(request)
                return redirect(self.get_url(request) + self.reverse_subpage("thanks_view"))
        else:
            form = OfferSubmissionForm(privacy_url=privacy_url)
        response = self.render(request, context_overrides={"form": form})
        response.status_code = status
        return response

    @path("danke/")
    def thanks_view(self, request):
        return self.render(request, context_overrides={"sent": True})

    @staticmethod
    @transaction.atomic
    def create_notice(data, pinnwand):
        """The offer as a draft notice under ``pinnwand``, with its image and flyer."""
        provider = Organisation.objects.filter(name__iexact=data["provider"].strip()).first()
        body = []
        if data["description"].strip():
            body.append({"type": "paragraph", "value": linebreaks(escape(data["description"]))})
        if provider is None:
            body.append(
                {
                    "type": "paragraph",
                    "value": linebreaks(escape(gettext("Anbieter: %s") % data["provider"])),
                }
            )
        notice = NoticePage(
            title=data["title"],
            slug=OfferSubmissionPage._free_slug(pinnwand, data["title"]),
            teaser=data["teaser"],
            body=body,
            provider=provider,
            region=data["region"],
            valid_from=data["valid_from"],
            valid_until=data["valid_until"],
            live=False,
        )
        if data.get("image"):
            notice.image = get_image_model().objects.create(
                title=data["title"][:255],
                description=data["image_alt"].strip(),
                file=data["image"],
            )
            notice.image_alt = data["image_alt"].strip()
        if data.get("pdf"):
            document = get_document_model().objects.create(
                title=gettext("Flyer: %s") % data["title"], file=data["pdf"]
            )
            notice.documents = [("document", {"document": document, "title": ""})]
        notice.topics = list(data["topics"])
        pinnwand.add_child(instance=notice)
        notice.save_revision()
        return notice

    @staticmethod
    def _free_slug(parent, title):
        base = german_slugify(title, 60) or "angebot"
        slug, number = base, 1
        taken = set(parent.get_children().values_list("slug", flat=True))
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    def receive_offer(self, data):
        """Creates the draft notice from the checked form ``data``, starts the approval
        (Wagtail e-mails the approvers with the link to the editor) and confirms to the
        sender."""
        notice = self.create_notice(data, self.target_pinnwand())
        submission = OfferSubmission.objects.create(
            notice=notice, name=data["name"], email=data["email"], phone=data["phone"]
        )
        workflow = notice.get_workflow()
        if workflow is not None:
            workflow.start(notice, None)
        send_mail(
            subject=single_line(
                gettext("Ihr Angebot „%(title)s“ ist bei uns angekommen") % {"title": notice.title}
            ),
            message="\n\n".join(
                [
                    gettext("Guten Tag %(name)s,") % {"name": submission.name},
                    gettext(
                        "vielen Dank für Ihr Angebot „%(title)s“. Die Sozialplanung prüft es und "
                        "veröffentlicht es auf der Pinnwand. Wir melden uns, sobald es "
                        "entschieden ist."
                    )
                    % {"title": notice.title},
                    gettext("Ihre Kontaktdaten löschen wir %(days)s Tage nach der Entscheidung.")
                    % {"days": settings.KUPFERSTADT_SUBMISSION_RETENTION_DAYS},
                    gettext("Mit freundlichen Grüßen\nSozialplanung der Kupferstadt Stolberg"),
                ]
            ),
            from_email=None,
            recipient_list=[submission.email],
        )
        return notice


class OfferSubmission(models.Model):
    """Who sent an offer through "Angebot melden" (personal data): kept for questions
    until the decision and deleted by ``manage.py purge_personal_data``
    KUPFERSTADT_SUBMISSION_RETENTION_DAYS days after it, at the latest
    KUPFERSTADT_SUBMISSION_MAX_AGE_DAYS days after receipt."""

    notice = models.OneToOneField(
        NoticePage,
        verbose_name=_("Aushang"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="submission",
    )
    name = models.CharField(_("Name"), max_length=200)
    email = models.EmailField(_("E-Mail"))
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    created_at = models.DateTimeField(_("Eingegangen am"), auto_now_add=True)
    decided_at = models.DateTimeField(_("Entschieden am"), null=True, blank=True)

    panels = [
        FieldPanel("notice", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("phone", read_only=True),
        FieldPanel("created_at", read_only=True),
        FieldPanel("decided_at", read_only=True),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Angebotsmeldung")
        verbose_name_plural = _("Angebotsmeldungen")

    def __str__(self):
        return f"{self.name} – {self.notice.title if self.notice else '–'}"
