"""The calendar's filters: month and topic, combined; unknown values are reported."""

import datetime

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kupferstadt.filters import topic_filter

# Months the calendar can ask the database for: "9999-12" has no next month to end it,
# and the first hour of year 1 in German time lies before year 1 in UTC.
FIRST_YEAR, LAST_YEAR = 1900, 2999


class MonthField(forms.DateField):
    input_formats = ["%Y-%m"]
    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    default_error_messages = {
        "invalid": _("Bitte geben Sie einen Monat in der Form JJJJ-MM an, z. B. 2026-05."),
        "out_of_range": _(
            "Bitte geben Sie einen Monat zwischen %(first)s-01 und %(last)s-12 an; "
            "der Filter wurde nicht angewendet."
        ),
    }

    def validate(self, value):
        super().validate(value)
        if value and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise forms.ValidationError(
                self.error_messages["out_of_range"],
                code="out_of_range",
                params={"first": FIRST_YEAR, "last": LAST_YEAR},
            )


class MonthFilter(django_filters.DateFilter):
    field_class = MonthField

    def filter(self, qs, value):
        if not value:
            return qs
        tz = timezone.get_current_timezone()
        first = datetime.datetime.combine(value.replace(day=1), datetime.time.min, tzinfo=tz)
        next_month = (first + datetime.timedelta(days=32)).replace(day=1)
        # An event belongs to every month it touches.
        return (
            qs.filter(start__lt=next_month)
            .exclude(end__lt=first)
            .exclude(end__isnull=True, start__lt=first)
        )


class EventFilter(django_filters.FilterSet):
    month = MonthFilter(label=_("Monat"))
    topic = topic_filter()
