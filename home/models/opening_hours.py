"""Regular hours of an offer ("Mo–Do 9–12 Uhr, Fr 9–11 Uhr, an Feiertagen geschlossen"):
the rows an editor adds to a notice, and how they read on the board, on the notice, in
print, in the API and as schema.org ``OpeningHoursSpecification``."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

# Weekdays are stored as ISO numbers, Monday 1 to Sunday 7. Their names and abbreviations
# come from Django's own catalogues, so every language of the site reads its own.
ISO_WEEKDAYS = range(1, 8)
SCHEMA_DAYS = {
    1: "https://schema.org/Monday",
    2: "https://schema.org/Tuesday",
    3: "https://schema.org/Wednesday",
    4: "https://schema.org/Thursday",
    5: "https://schema.org/Friday",
    6: "https://schema.org/Saturday",
    7: "https://schema.org/Sunday",
}


def weekday_name(number):
    return WEEKDAYS[number - 1]


def weekday_abbr(number):
    return WEEKDAYS_ABBR[number - 1]


def validate_weekdays(value):
    if not value or any(char not in "1234567" for char in value) or len(set(value)) < len(value):
        raise ValidationError(_("Wählen Sie mindestens einen Wochentag."), code="weekdays")


class WeekdaysFormField(forms.MultipleChoiceField):
    """Checkboxes Monday to Sunday; the ticked days become one string of ISO numbers."""

    widget = forms.CheckboxSelectMultiple
    default_error_messages = {
        "required": _("Wählen Sie mindestens einen Wochentag."),
        "invalid_choice": _("„%(value)s“ ist kein Wochentag."),
    }

    def __init__(self, *, max_length=None, empty_value=None, **kwargs):
        kwargs.pop("choices", None)
        choices = [(str(number), weekday_name(number)) for number in ISO_WEEKDAYS]
        super().__init__(choices=choices, **kwargs)

    def prepare_value(self, value):
        return list(value) if isinstance(value, str) else value

    def clean(self, value):
        return "".join(sorted(set(super().clean(value))))


class WeekdaysField(models.CharField):
    """Weekdays as ISO numbers in one short string ("1234": Monday to Thursday), edited as
    checkboxes: a row of a notice's hours stays one row, however many days it covers."""

    default_validators = [validate_weekdays]

    def __init__(self, *args, **kwargs):
        kwargs["max_length"] = 7
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        del kwargs["max_length"]
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        # Not CharField's: the form field is a list of choices, not a text input.
        return models.Field.formfield(self, **{"form_class": WeekdaysFormField, **kwargs})


class OpeningHours(Orderable):
    """One line of an offer's regular hours: on these weekdays from … to …. Several lines
    give other times on other days, or a second span on the same day (9–12 and 14–16).
    Not translatable: wagtail-localize copies the lines to every translation."""

    notice = ParentalKey("home.NoticePage", on_delete=models.CASCADE, related_name="opening_hours")
    weekdays = WeekdaysField(
        _("Wochentage"),
        help_text=_("An welchen Tagen gelten diese Zeiten? Mehrere Tage sind möglich."),
    )
    opens = models.TimeField(_("von"), help_text=_("Beginn, zum Beispiel 09:00."))
    closes = models.TimeField(_("bis"), help_text=_("Ende, zum Beispiel 12:00."))

    panels = [
        FieldPanel("weekdays"),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Regelmäßige Zeit")
        verbose_name_plural = _("Regelmäßige Zeiten")

    def __str__(self):
        return f"{self.weekdays} {self.opens}–{self.closes}"

    def clean(self):
        super().clean()
        if self.opens and self.closes and self.closes <= self.opens:
            raise ValidationError({"closes": _("„bis“ muss nach „von“ liegen.")})

    @property
    def days(self):
        return [int(char) for char in self.weekdays if char in "1234567"]

    @property
    def day_names(self):
        """The weekdays as schema.org and the API name them: "Monday", …"""
        return [SCHEMA_DAYS[day].rsplit("/", 1)[1] for day in self.days]


def short_time(value):
    """9:00 → "9", 9:30 → "9:30": the compact way a notice states its hours."""
    return str(value.hour) if not value.minute else f"{value.hour}:{value.minute:02d}"


def day_ranges(days):
    """[1, 2, 3, 4, 6] → "Mo–Do, Sa": three or more consecutive days become a range."""
    runs = []
    for day in days:
        if runs and runs[-1][-1] == day - 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{weekday_abbr(run[0])}–{weekday_abbr(run[-1])}")
        else:
            parts.extend(str(weekday_abbr(day)) for day in run)
    return ", ".join(parts)


class RegularHoursMixin(models.Model):
    """The regular hours of a notice: the rows (``OpeningHours``), whether the offer is
    closed on public holidays, and a short translatable note."""

    # The page reads its rows twice (table and JSON-LD): loaded with it (routing.py).
    prefetch_on_page = ["opening_hours"]

    closed_on_public_holidays = models.BooleanField(
        _("An Feiertagen geschlossen"),
        default=False,
        help_text=_("Ankreuzen, wenn das Angebot an gesetzlichen Feiertagen nicht stattfindet."),
    )
    hours_note = models.CharField(
        _("Hinweis zu den Zeiten"),
        max_length=120,
        blank=True,
        help_text=_(
            "Kurz und optional, zum Beispiel „außer in den Schulferien“ oder „und nach "
            "Vereinbarung“. Wird übersetzt."
        ),
    )

    hours_panel = MultiFieldPanel(
        [
            InlinePanel(
                "opening_hours",
                label=_("Zeit"),
                help_text=_(
                    "Eine Zeile je Zeitspanne: zum Beispiel Montag bis Donnerstag 09:00–12:00 "
                    "und eine zweite Zeile Freitag 09:00–11:00. Leer lassen, wenn das "
                    "Angebot keine festen Zeiten hat."
                ),
            ),
            FieldPanel("closed_on_public_holidays"),
            FieldPanel("hours_note"),
        ],
        heading=_("Regelmäßige Zeiten"),
    )

    class Meta:
        abstract = True

    def _spans_by_day(self):
        """{ISO weekday: ((opens, closes), ...)} for the days with hours, in day order."""
        by_day = {}
        for row in self.opening_hours.all():
            for day in row.days:
                by_day.setdefault(day, set()).add((row.opens, row.closes))
        return {day: tuple(sorted(spans)) for day, spans in sorted(by_day.items())}

    def hours_by_day(self):
        """One entry per weekday with hours, Monday first: its name and its time spans
        (the notice's table of hours)."""
        return [
            {"name": weekday_name(day), "spans": spans}
            for day, spans in self._spans_by_day().items()
        ]

    def hours_times(self):
        """The hours in one line, as on a paper notice: "Mo–Do 9–12 Uhr, Fr 9–11 Uhr, an
        Feiertagen geschlossen". Days with the same times are named together, three or
        more consecutive ones as a range; names and words in the visitor's language."""
        days_by_spans = {}
        for day, spans in self._spans_by_day().items():
            days_by_spans.setdefault(spans, []).append(day)
        parts = []
        for spans, days in days_by_spans.items():  # in the order of their first day
            times = get_text_list(
                [f"{short_time(opens)}–{short_time(closes)}" for opens, closes in spans],
                gettext("und"),
            )
            parts.append(f"{day_ranges(days)} " + gettext("%(times)s Uhr") % {"times": times})
        if parts and self.closed_on_public_holidays:
            parts.append(gettext("an Feiertagen geschlossen"))
        return ", ".join(parts)

    def hours_summary(self):
        """``hours_times()`` followed by the editor's note ("außer in den Schulferien")."""
        return ", ".join(filter(None, [self.hours_times(), self.hours_note]))

    def opening_hours_specification(self):
        """The hours as schema.org ``OpeningHoursSpecification`` items; closed on public
        holidays is schema.org's ``PublicHolidays`` opening and closing at midnight."""
        specification = [
            {
                "@type": "OpeningHoursSpecification",
                "dayOfWeek": [SCHEMA_DAYS[day] for day in row.days],
                "opens": row.opens.strftime("%H:%M"),
                "closes": row.closes.strftime("%H:%M"),
            }
            for row in self.opening_hours.all()
        ]
        if specification and self.closed_on_public_holidays:
            specification.append(
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": "https://schema.org/PublicHolidays",
                    "opens": "00:00",
                    "closes": "00:00",
                }
            )
        return specification
