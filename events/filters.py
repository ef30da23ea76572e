"""The calendar's filters: month and topic, combined; unknown values are reported."""

import datetime

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kupferstadt.filters import topic_filter


class MonthField(forms.DateField):
    input_formats = ["%Y-%m"]
    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
    default_error_messages = {
        "invalid": _("Bitte geben Sie einen Monat in der Form JJJJ-MM an, z. B. 2026-05."),
    }


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
