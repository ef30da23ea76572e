"""The calendar's filters: month, "heute", "diese Woche", "am Wochenende", a date range
and topic, combined; unknown values are reported at their field and left out.

Every date filter reads the occurrence rows (``EventPage.objects.occurring_between``): an
event is shown when one of its dates falls in the span, so a weekly series appears in every
month and week it has a date in. Days begin and end at midnight in Europe/Berlin."""

import datetime

import django_filters
from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kupferstadt.filters import ListingSelect, topic_filter

from .recurrence import BERLIN

# Months the calendar can ask the database for: "9999-12" has no next month to end it,
# and the first hour of year 1 in German time lies before year 1 in UTC.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def day_start(day):
    """Midnight at the beginning of ``day`` in German time."""
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=BERLIN)


def month_span(first_day):
    """The first moment of the month of ``first_day`` and of the month after it."""
    first_day = first_day.replace(day=1)
    following = (first_day + datetime.timedelta(days=32)).replace(day=1)
    return day_start(first_day), day_start(following)


def in_calendar_years(day):
    return FIRST_YEAR <= day.year <= LAST_YEAR


class PickerInput(forms.DateInput):
    """A browser's month or date picker: its value must be ISO ("2026-09", "2026-09-01"),
    so a typed German date is shown in ISO and an unreadable one as empty (the message at
    the field names the mistake)."""

    def __init__(self, input_type, iso_format, readable_formats):
        super().__init__(attrs={"type": input_type}, format=iso_format)
        self.readable_formats = readable_formats

    def format_value(self, value):
        if isinstance(value, str):
            for readable in self.readable_formats:
                try:
                    value = datetime.datetime.strptime(value, readable).date()
                    break
                except ValueError:
                    continue
            else:
                return None
        return super().format_value(value)


class CalendarDateField(forms.DateField):
    """A date the calendar can ask the database for: its year lies between FIRST_YEAR
    and LAST_YEAR; subclasses give the formats and the ``out_of_range`` message."""

    def validate(self, value):
        super().validate(value)
        if value and not in_calendar_years(value):
            raise forms.ValidationError(
                self.error_messages["out_of_range"],
                code="out_of_range",
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
            )


class MonthField(CalendarDateField):
    input_formats = ["%Y-%m"]
    widget = PickerInput("month", "%Y-%m", input_formats)
    default_error_messages = {
        "invalid": _("Bitte geben Sie einen Monat in der Form JJJJ-MM an, z. B. 2026-05."),
        "out_of_range": _(
            "Bitte geben Sie einen Monat zwischen %(first)s-01 und %(last)s-12 an; "
            "der Filter wurde nicht angewendet."
        ),
    }


class MonthFilter(django_filters.DateFilter):
    field_class = MonthField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.occurring_between(*month_span(value))


class DayField(CalendarDateField):
    """A day as the browser's date picker sends it (2026-09-01) or as people type it
    (01.09.2026)."""

    input_formats = ["%Y-%m-%d", "%d.%m.%Y"]
    widget = PickerInput("date", "%Y-%m-%d", input_formats)
    default_error_messages = {
        "invalid": _(
            "Bitte geben Sie ein Datum in der Form TT.MM.JJJJ an, z. B. 01.09.2026; "
            "der Filter wurde nicht angewendet."
        ),
        "out_of_range": _(
            "Bitte geben Sie ein Datum zwischen 01.01.%(first)s und 31.12.%(last)s an; "
            "der Filter wurde nicht angewendet."
        ),
    }


class DayFilter(django_filters.DateFilter):
    field_class = DayField


class When(models.TextChoices):
    TODAY = "heute", _("Heute")
    WEEK = "woche", _("Diese Woche")
    WEEKEND = "wochenende", _("Am Wochenende")


def when_span(when, today):
    """The days of ``when`` as seen on ``today``, as (first moment, end): this week runs
    from Monday to Sunday; the weekend is the Saturday and Sunday of this week."""
    monday = today - datetime.timedelta(days=today.weekday())
    first, last = {
        When.TODAY: (today, today),
        When.WEEK: (monday, monday + datetime.timedelta(days=6)),
        When.WEEKEND: (monday + datetime.timedelta(days=5), monday + datetime.timedelta(days=6)),
    }[when]
    return day_start(first), day_start(last + datetime.timedelta(days=1))


class WhenFilter(django_filters.ChoiceFilter):
    def filter(self, qs, value):
        if not value:
            return qs
        return qs.occurring_between(*when_span(value, timezone.localdate(timezone=BERLIN)))


class DateRangeForm(forms.Form):
    """The filter form: a range whose end lies before its start is reported at both
    fields and left out."""

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("date_from"), cleaned.get("date_to")
        if first and last and last < first:
            message = _(
                "Das Enddatum liegt vor dem Anfangsdatum; der Zeitraum wurde nicht angewendet."
            )
            self.add_error("date_from", message)
            self.add_error("date_to", message)
        return cleaned


class EventFilter(django_filters.FilterSet):
    when = WhenFilter(
        label=_("Wann"),
        choices=When.choices,
        empty_label=_("Alle Termine"),
        widget=ListingSelect,
    )
    date_from = DayFilter(label=_("Von (Datum)"), method="in_range")
    date_to = DayFilter(label=_("Bis (Datum)"), method="in_range")
    month = MonthFilter(label=_("Monat"))
    topic = topic_filter()

    class Meta:
        form = DateRangeForm

    def in_range(self, queryset, name, value):
        """From the first day to the last, both included; either may be left open. One
        occurrence must lie in the whole range, so the range is applied once."""
        first = self.form.cleaned_data.get("date_from")
        last = self.form.cleaned_data.get("date_to")
        if name == "date_to" and first:
            return queryset  # applied with date_from
        first = first or datetime.date(FIRST_YEAR, 1, 1)
        last = last or datetime.date(LAST_YEAR, 12, 31)
        return queryset.occurring_between(
            day_start(first), day_start(last + datetime.timedelta(days=1))
        )


class MonthViewFilter(django_filters.FilterSet):
    """The month view's filter: the topic (the month is in the address)."""

    topic = topic_filter()
