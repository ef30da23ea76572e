"""Partner feeds (iCal, RSS, Atom) whose items come in as drafts for the approval workflow,
and what the import remembers of every item it has seen."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from ..choices import FeedKind, FeedTarget, ImportedItemState, Region


class PartnerFeed(ClusterableModel):
    """A partner's calendar or news feed that the import fetches regularly: every new or
    changed item becomes a draft in the approval workflow, nothing is published unseen."""

    organisation = models.ForeignKey(
        "kupferstadt.Organisation",
        verbose_name=_("Organisation"),
        on_delete=models.PROTECT,
        related_name="feeds",
        help_text=_("Wer den Feed herausgibt; wird als Anbieter und Quelle genannt."),
    )
    url = models.URLField(
        _("Adresse des Feeds"),
        max_length=500,
        help_text=_("Vollständige Adresse mit https:// (iCal-, RSS- oder Atom-Feed)."),
    )
    allow_http = models.BooleanField(
        _("Unverschlüsseltes http erlauben"),
        default=False,
        help_text=_("Nur ankreuzen, wenn der Partner keine https-Adresse anbietet."),
    )
    kind = models.CharField(
        _("Art"), max_length=10, choices=FeedKind.choices, default=FeedKind.DETECT
    )
    target = models.CharField(
        _("Ziel"), max_length=10, choices=FeedTarget.choices, default=FeedTarget.PINNWAND
    )
    topics = ParentalManyToManyField(
        "kupferstadt.Topic", verbose_name=_("Themen"), blank=True, related_name="+"
    )
    audiences = ParentalManyToManyField(
        "kupferstadt.Audience", verbose_name=_("Zielgruppen"), blank=True, related_name="+"
    )
    districts = ParentalManyToManyField(
        "kupferstadt.District", verbose_name=_("Stadtteile"), blank=True, related_name="+"
    )
    region = models.CharField(
        _("Region"), max_length=20, choices=Region.choices, default=Region.DISTRICT
    )
    default_venue = models.ForeignKey(
        "kupferstadt.Venue",
        verbose_name=_("Veranstaltungsort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Für Veranstaltungen: Ort, wenn der Ort im Feed nicht in den Stammdaten steht."
        ),
    )
    keyword = models.CharField(
        _("Stichwort oder Kategorie"),
        max_length=100,
        blank=True,
        help_text=_("Optional: nur Einträge, deren Titel, Text oder Kategorie dies enthalten."),
    )
    active = models.BooleanField(_("Aktiv"), default=True)
    interval_hours = models.PositiveIntegerField(
        _("Abrufen alle … Stunden"), default=24, help_text=_("Wie oft der Feed abgerufen wird.")
    )

    # What the last fetch found; written by the import only.
    etag = models.CharField(max_length=200, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_fetched_at = models.DateTimeField(_("Zuletzt abgerufen"), null=True, editable=False)
    last_error = models.TextField(_("Letzter Fehler"), blank=True, editable=False)
    count_new = models.PositiveIntegerField(_("neu"), default=0, editable=False)
    count_changed = models.PositiveIntegerField(_("geändert"), default=0, editable=False)
    count_unchanged = models.PositiveIntegerField(_("unverändert"), default=0, editable=False)
    count_removed = models.PositiveIntegerField(_("entfernt"), default=0, editable=False)
    count_rejected = models.PositiveIntegerField(_("abgelehnt"), default=0, editable=False)

    panels = [
        FieldPanel("organisation"),
        MultiFieldPanel(
            [FieldPanel("url"), FieldPanel("allow_http"), FieldPanel("kind")],
            heading=_("Adresse"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("target"),
                FieldPanel("default_venue"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                FieldPanel("region"),
                FieldPanel("districts", widget=forms.CheckboxSelectMultiple),
                FieldPanel("keyword"),
            ],
            heading=_("Einordnung der Einträge"),
        ),
        FieldRowPanel([FieldPanel("active"), FieldPanel("interval_hours")]),
    ]

    class Meta:
        ordering = ["organisation__name", "url"]
        verbose_name = _("Partner-Feed")
        verbose_name_plural = _("Partner-Feeds")

    def __str__(self):
        return f"{self.organisation} – {self.url}"

    def clean(self):
        super().clean()
        errors = {}
        scheme = self.url.split(":", 1)[0].lower() if self.url else ""
        if scheme == "http" and not self.allow_http:
            errors["url"] = _(
                "Bitte eine https-Adresse angeben oder „Unverschlüsseltes http erlauben“ ankreuzen."
            )
        elif scheme and scheme not in ("http", "https"):
            errors["url"] = _("Nur Adressen mit https:// oder http:// sind möglich.")
        if self.target == FeedTarget.EVENTS and not self.default_venue_id:
            errors["default_venue"] = _(
                "Für Veranstaltungen bitte einen Ort wählen (wenn der Ort im Feed unbekannt ist)."
            )
        if errors:
            raise ValidationError(errors)

    def is_due(self, now=None):
        """Whether the feed should be fetched now: active and its interval has passed."""
        now = now or timezone.now()
        if not self.active:
            return False
        if self.last_fetched_at is None:
            return True
        return now - self.last_fetched_at >= datetime.timedelta(hours=self.interval_hours)

    def result_summary(self):
        return _(
            "%(new)s neu, %(changed)s geändert, %(unchanged)s unverändert, "
            "%(removed)s entfernt, %(rejected)s abgelehnt"
        ) % {
            "new": self.count_new,
            "changed": self.count_changed,
            "unchanged": self.count_unchanged,
            "removed": self.count_removed,
            "rejected": self.count_rejected,
        }

    result_summary.short_description = _("Ergebnis")


class ImportedItem(models.Model):
    """One item of a partner feed and the page it became; keyed by the feed and the
    item's UID/GUID (or link and date), so a second import finds it again. Removed and
    cancelled items are flagged here for the editors, never deleted; a rejected one is
    not imported again."""

    feed = models.ForeignKey(
        PartnerFeed, verbose_name=_("Feed"), on_delete=models.CASCADE, related_name="items"
    )
    key = models.CharField(_("Kennung"), max_length=500)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("Titel"), max_length=255)
    link = models.URLField(_("Original"), max_length=500, blank=True)
    content_hash = models.CharField(max_length=64)
    # The end of a calendar item: once it is over it leaves the feed's window, which is
    # not a removal.
    ends_at = models.DateTimeField(null=True, blank=True, editable=False)
    state = models.CharField(
        _("Stand"),
        max_length=10,
        choices=ImportedItemState.choices,
        default=ImportedItemState.ACTIVE,
    )
    first_seen_at = models.DateTimeField(_("Zuerst gesehen"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Zuletzt geändert"), auto_now=True)

    panels = [FieldPanel("state")]

    class Meta:
        ordering = ["feed", "-first_seen_at"]
        verbose_name = _("Importierter Eintrag")
        verbose_name_plural = _("Importierte Einträge")
        constraints = [
            models.UniqueConstraint(fields=["feed", "key"], name="imported_item_feed_key_uniq")
        ]

    def __str__(self):
        return self.title

    @property
    def needs_attention(self):
        """Removed or cancelled by the partner: an editor decides what happens to the page."""
        return self.state in (ImportedItemState.REMOVED, ImportedItemState.CANCELLED)
