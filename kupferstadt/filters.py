"""Pieces shared by the listing filters of the Pinnwand and the calendar."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .models import Topic


def in_active_locale(model):
    """Choices for a filter: the snippets in the language of the page being viewed."""

    def queryset(request):
        return model.objects.filter(locale=Locale.get_active())

    return queryset


def in_every_language(queryset, name, value):
    """Items that carry ``value`` or one of its translations: a German original listed in
    another language (``kupferstadt.i18n.shown_in_q``) carries the German snippet."""
    return queryset.filter(**{f"{name}__translation_key": value.translation_key})


def slug_filter(model, field_name, label, empty_label, unknown):
    """A filter by one snippet (topic, audience, district) named by its slug in the
    address, offering the snippets of the page's language; an unknown slug is reported at
    the field (``unknown``, with ``%(value)s``) and the filter left out."""
    return django_filters.ModelChoiceFilter(
        label=label,
        field_name=field_name,
        to_field_name="slug",
        queryset=in_active_locale(model),
        method=in_every_language,
        empty_label=empty_label,
        error_messages={"invalid_choice": unknown},
    )


def topic_filter():
    """The topic filter of every listing (``?topic=familie``)."""
    return slug_filter(
        Topic,
        "topics",
        _("Thema"),
        _("Alle Themen"),
        _("Das Thema „%(value)s“ gibt es nicht; der Filter wurde nicht angewendet."),
    )
