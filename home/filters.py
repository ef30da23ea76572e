"""The Pinnwand's filters: query parameters that combine; unknown values are reported,
not fatal."""

import django_filters
from django.utils.translation import gettext_lazy as _

from kupferstadt.filters import ListingSelect, slug_filter, topic_filter
from kupferstadt.models import Audience, District

from .choices import Region


class NoticeFilter(django_filters.FilterSet):
    """The board's filters; ``?region=`` also takes the German values of before."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "region" in data:
            data = data.copy()
            data["region"] = Region.from_value(data["region"])
        super().__init__(data, *args, **kwargs)

    topic = topic_filter()
    audience = slug_filter(
        Audience,
        "audiences",
        _("Zielgruppe"),
        _("Alle Zielgruppen"),
        _("Die Zielgruppe „%(value)s“ gibt es nicht; der Filter wurde nicht angewendet."),
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        choices=Region.choices,
        widget=ListingSelect,
        empty_label=_("Stadt und Städteregion"),
        error_messages={
            "invalid_choice": _(
                "Die Region „%(value)s“ gibt es nicht; der Filter wurde nicht angewendet."
            )
        },
    )
    district = slug_filter(
        District,
        "districts",
        _("Stadtteil"),
        _("Alle Stadtteile"),
        _("Den Stadtteil „%(value)s“ gibt es nicht; der Filter wurde nicht angewendet."),
    )
