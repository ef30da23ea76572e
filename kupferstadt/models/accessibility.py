"""The pages accessibility law asks for: the Erklärung zur Barrierefreiheit, the form
"Barriere melden" and the page in Deutsche Gebärdensprache."""

from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import NonAccessibleContentListBlock
from ..choices import Conformance
from ..forms import BarrierReportForm
from ..registry import PAGES_FACET
from .fields import STEM_SEARCH_FIELDS
from .pages import SitePage

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
    search_facet = PAGES_FACET
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Erklärung zur Barrierefreiheit")
        verbose_name_plural = _("Erklärungen zur Barrierefreiheit")

    def description_text(self):
        return self.scope

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

    # The button of the form (kupferstadt/form_page.html).
    submit_label = _("Meldung senden")
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("thanks")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Formular „Barriere melden“")
        verbose_name_plural = _("Formulare „Barriere melden“")

    def description_text(self):
        return self.intro

    @path("")
    def report(self, request):
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

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("video"), FieldPanel("captions"), FieldPanel("duration")],
            heading=_("Video"),
        ),
        FieldPanel("transcript"),
    ]
    search_fields = Page.search_fields + STEM_SEARCH_FIELDS + [index.SearchField("transcript")]
    search_facet = PAGES_FACET

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Seite in Gebärdensprache")
        verbose_name_plural = _("Seiten in Gebärdensprache")

    def description_text(self):
        return self.intro

    def search_text_parts(self):
        return [*super().search_text_parts(), strip_tags(self.transcript)]

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
