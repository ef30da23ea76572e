"""What makes an event a series: the rule fields of ``EventPage``, its extra and excluded
dates, the changes of single occurrences, and the school holidays a series can skip."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from ..choices import Repeat, Weekday, WeekOfMonth


class WeekdaysFormField(forms.MultipleChoiceField):
    """Checkboxes Montag…Sonntag for a comma-separated value such as "MO,TH"."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.pop("max_length", None)
        kwargs.pop("empty_value", None)
        super().__init__(choices=Weekday.choices, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, str):
            return [day for day in value.split(",") if day]
        return value

    def clean(self, value):
        chosen = set(super().clean(value) or [])
        return ",".join(day for day in Weekday.values if day in chosen)

    def has_changed(self, initial, data):
        return set(self.prepare_value(initial) or []) != set(self.prepare_value(data) or [])


class WeekdaysField(models.CharField):
    """Chosen weekdays, stored by their iCalendar names ("MO,TH")."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return WeekdaysFormField(
            required=not self.blank,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class EventSeriesFields(models.Model):
    """The rule fields of an event series. All of them are calendar facts: synchronised to
    translations (see ``EventPage.override_translatable_fields``), never translated."""

    repeat = models.CharField(
        _("Wiederholung"),
        max_length=20,
        choices=Repeat.choices,
        default=Repeat.NONE,
        help_text=_("„einmalig“ für eine Veranstaltung mit nur einem Termin."),
    )
    repeat_interval = models.PositiveSmallIntegerField(
        _("Abstand"),
        default=1,
        help_text=_("alle n Tage/Wochen/Monate: 1 = jede Woche, 2 = alle zwei Wochen …"),
    )
    repeat_weekdays = WeekdaysField(
        _("Wochentage"),
        blank=True,
        help_text=_("Nur bei „wöchentlich“. Ohne Auswahl: der Wochentag des Beginns."),
    )
    repeat_week_of_month = models.SmallIntegerField(
        _("Woche im Monat"),
        choices=WeekOfMonth.choices,
        null=True,
        blank=True,
        help_text=_(
            "Nur bei „monatlich am n-ten Wochentag“; der Wochentag ist der des Beginns. "
            "Ohne Auswahl: die Woche des Beginns."
        ),
    )
    repeat_until = models.DateField(
        _("Wiederholen bis"),
        null=True,
        blank=True,
        help_text=_("Letzter möglicher Tag (einschließlich). Leer lassen für offen."),
    )
    repeat_count = models.PositiveSmallIntegerField(
        _("Anzahl der Termine"),
        null=True,
        blank=True,
        help_text=_("Statt eines Enddatums: wie oft die Veranstaltung stattfindet."),
    )
    skip_public_holidays = models.BooleanField(
        _("nicht an Feiertagen"),
        default=False,
        help_text=_("Gesetzliche Feiertage in Nordrhein-Westfalen fallen aus."),
    )
    skip_school_holidays = models.BooleanField(
        _("nicht in den Schulferien"),
        default=False,
        help_text=_("Die Schulferien pflegen Sie unter Schnipsel → Schulferien."),
    )

    class Meta:
        abstract = True

    def school_holiday_ranges(self):
        """(first day, last day) of the school holidays, if this series skips them."""
        if not self.skip_school_holidays:
            return []
        return list(SchoolHoliday.objects.values_list("first_day", "last_day"))

    @staticmethod
    def series_panels(preview_panel):
        """The "Wiederholung" panel, with ``preview_panel`` showing the dates."""
        return [
            MultiFieldPanel(
                [
                    preview_panel,
                    FieldRowPanel([FieldPanel("repeat"), FieldPanel("repeat_interval")]),
                    FieldPanel("repeat_weekdays"),
                    FieldPanel("repeat_week_of_month"),
                    FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                    FieldRowPanel(
                        [FieldPanel("skip_public_holidays"), FieldPanel("skip_school_holidays")]
                    ),
                    InlinePanel("extra_dates", heading=_("Zusätzliche Termine"), label=_("Termin")),
                    InlinePanel(
                        "excluded_dates", heading=_("Ausgenommene Tage"), label=_("Ausnahme")
                    ),
                    InlinePanel(
                        "occurrence_changes",
                        heading=_("Änderungen einzelner Termine"),
                        label=_("Änderung"),
                    ),
                ],
                heading=_("Wiederholung"),
                classname="event-series",
            ),
        ]


class EventExtraDate(Orderable):
    """A date on which the event takes place besides its rule, at the usual time."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="extra_dates")
    date = models.DateField(_("Datum"))

    panels = [FieldPanel("date")]

    class Meta(Orderable.Meta):
        verbose_name = _("Zusätzlicher Termin")
        verbose_name_plural = _("Zusätzliche Termine")

    def __str__(self):
        return str(self.date)


class EventExcludedDate(Orderable):
    """A day on which the series does not take place (the date simply disappears)."""

    page = ParentalKey("events.EventPage", on_delete=models.CASCADE, related_name="excluded_dates")
    date = models.DateField(_("Datum"))

    panels = [FieldPanel("date")]

    class Meta(Orderable.Meta):
        verbose_name = _("Ausgenommener Tag")
        verbose_name_plural = _("Ausgenommene Tage")

    def __str__(self):
        return str(self.date)


class EventOccurrenceChange(Orderable):
    """One occurrence cancelled ("abgesagt"), moved ("verschoben auf") or given a note
    ("Hinweis"), without touching the others. Cancelled occurrences stay visible, struck
    through, so that nobody stands in front of a closed door."""

    page = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="occurrence_changes"
    )
    original_date = models.DateField(
        _("Termin am"), help_text=_("Der Tag des Termins, wie ihn die Regel ergibt.")
    )
    cancelled = models.BooleanField(_("abgesagt"), default=False)
    new_start = models.DateTimeField(
        _("verschoben auf"), null=True, blank=True, help_text=_("Neuer Beginn, wenn verschoben.")
    )
    new_end = models.DateTimeField(
        _("neues Ende"), null=True, blank=True, help_text=_("Leer: dieselbe Dauer wie sonst.")
    )
    note = models.CharField(
        _("Hinweis"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „diesmal im Raum 2“; erscheint beim Termin."),
    )

    panels = [
        FieldRowPanel([FieldPanel("original_date"), FieldPanel("cancelled")]),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Änderung eines Termins")
        verbose_name_plural = _("Änderungen einzelner Termine")

    def __str__(self):
        return str(self.original_date)


class SchoolHoliday(models.Model):
    """School holidays in Nordrhein-Westfalen, kept by editors: series marked "nicht in den
    Schulferien" skip every day from the first to the last day (both included)."""

    name = models.CharField(
        _("Bezeichnung"), max_length=100, help_text=_("z. B. „Herbstferien 2026“")
    )
    first_day = models.DateField(_("Erster Ferientag"))
    last_day = models.DateField(_("Letzter Ferientag"))

    class Meta:
        verbose_name = _("Schulferien")
        verbose_name_plural = _("Schulferien")
        ordering = ["first_day"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.first_day and self.last_day and self.last_day < self.first_day:
            raise ValidationError(
                {"last_day": _("Der letzte Ferientag darf nicht vor dem ersten liegen.")}
            )
