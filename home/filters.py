"""The Pinnwand's filters: query parameters that combine; unknown values are reported,
not fatal."""

import django_filters
from django.utils.translation import gettext_lazy as _

from kupferstadt.filters import in_active_locale
from kupferstadt.models import Audience, District, Topic

from .choices import Region


class NoticeFilter(django_filters.FilterSet):
    topic = django_filters.ModelChoiceFilter(
        label=_("Thema"),
        field_name="topics",
        to_field_name="slug",
        queryset=in_active_locale(Topic),
        empty_label=_("Alle Themen"),
        error_messages={
            "invalid_choice": _(
                "Das Thema „%(value)s“ gibt es nicht; der Filter wurde nicht angewendet."
            )
        },
    )
    audience = django_filters.ModelChoiceFilter(
        label=_("Zielgruppe"),
        field_name="audiences",
        to_field_name="slug",
        queryset=in_active_locale(Audience),
        empty_label=_("Alle Zielgruppen"),
        error_messages={
            "invalid_choice": _(
                "Die Zielgruppe „%(value)s“ gibt es nicht; der Filter wurde nicht angewendet."
            )
        },
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        choices=Region.choices,
        empty_label=_("Stadt und Städteregion"),
        error_messages={
            "invalid_choice": _(
                "Die Region „%(value)s“ gibt es nicht; der Filter wurde nicht angewendet."
            )
        },
    )
    district = django_filters.ModelChoiceFilter(
        label=_("Stadtteil"),
        field_name="districts",
        to_field_name="slug",
        queryset=in_active_locale(District),
        empty_label=_("Alle Stadtteile"),
        error_messages={
            "invalid_choice": _(
                "Den Stadtteil „%(value)s“ gibt es nicht; der Filter wurde nicht angewendet."
            )
        },
    )
