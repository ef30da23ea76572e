"""Pieces shared by the listing filters of the Pinnwand and the calendar."""

import django_filters
from django import forms
from django.core.exceptions import MultipleObjectsReturned
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_filters.fields import ModelChoiceField

from .i18n import own_language_first, snippets_shown_in_q
from .models import Topic


def in_active_locale(model):
    """Choices for a filter: the snippets as a visitor of the page's language reads them,
    its own translations, else the German originals (``snippets_shown_in_q``)."""

    def queryset(request):
        return model.objects.filter(snippets_shown_in_q(model, get_language())).order_by("name")

    return queryset


class ListingSelect(forms.Select):
    """Django's select, its options written in one template instead of a template each:
    the filters of a listing are rendered on every uncached request of it."""

    template_name = "kupferstadt/forms/select.html"


class SlugChoiceField(ModelChoiceField):
    """A snippet named by its slug. Slugs are unique per language; where a translation and
    an untranslated German snippet share one, the visitor's language wins, never a 500."""

    widget = ListingSelect

    def to_python(self, value):
        try:
            return super().to_python(value)
        except MultipleObjectsReturned:
            matches = self.queryset.filter(**{self.to_field_name: value})
            return matches.order_by(own_language_first(get_language()), "pk").first()


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = SlugChoiceField


def in_every_language(queryset, name, value):
    """Items that carry ``value`` or one of its translations: a German original listed in
    another language (``kupferstadt.i18n.shown_in_q``) carries the German snippet."""
    return queryset.filter(**{f"{name}__translation_key": value.translation_key})


def slug_filter(model, field_name, label, empty_label, unknown):
    """A filter by one snippet (topic, audience, district) named by its slug in the
    address, offering the snippets of the page's language; an unknown slug is reported at
    the field (``unknown``, with ``%(value)s``) and the filter left out."""
    return SlugChoiceFilter(
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
