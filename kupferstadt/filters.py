"""Pieces shared by the listing filters of the Pinnwand and the calendar."""

from wagtail.models import Locale


def in_active_locale(model):
    """Choices for a filter: the snippets in the language of the page being viewed."""

    def queryset(request):
        return model.objects.filter(locale=Locale.get_active())

    return queryset
