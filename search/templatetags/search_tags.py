from django import template
from wagtail.models import Locale

from home.models import PinnwandPage
from kupferstadt.i18n import text_language

from ..highlight import highlight

register = template.Library()


@register.simple_tag
def search_snippet(page, search):
    """A short text of ``page`` with the searched words marked."""
    text = " ".join(filter(None, [page.meta_description(), *page.body_paragraphs()]))
    # A German original standing in for a missing translation is stemmed the German way.
    return highlight(text, search.query_stems, text_language(page))


@register.simple_tag(takes_context=True)
def pinnwand_url(context):
    request = context["request"]
    pinnwand = PinnwandPage.objects.live().filter(locale=Locale.get_active()).first()
    return pinnwand.get_url(request) if pinnwand else "/"
