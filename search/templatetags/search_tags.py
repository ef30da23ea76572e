from django import template
from wagtail.models import Locale

from home.models import PinnwandPage

from ..highlight import highlight

register = template.Library()


@register.simple_tag
def search_snippet(page, search):
    """A short text of ``page`` with the searched words marked."""
    text = " ".join(filter(None, [page.meta_description(), *page.body_paragraphs()]))
    return highlight(text, search.query_stems, search.language)


@register.simple_tag(takes_context=True)
def pinnwand_url(context):
    request = context["request"]
    pinnwand = PinnwandPage.objects.live().filter(locale=Locale.get_active()).first()
    return pinnwand.get_url(request) if pinnwand else "/"
