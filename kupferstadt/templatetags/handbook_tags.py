"""``{% picture "name" %}``: a picture of the current handbook page, with its alt text."""

from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from kupferstadt.handbook import handbook_url

register = template.Library()


@register.simple_tag(takes_context=True)
def picture(context, name):
    """The picture ``name`` of the page being shown; an unknown name is an error (a page
    may only show pictures listed for it in ``kupferstadt/handbook/pages.py``, which the
    browser test takes)."""
    item = context["handbook_page"].picture(name)
    return format_html(
        '<figure class="handbook-picture"><img src="{}" alt="{}"></figure>',
        static(item.static_path),
        item.alt,
    )


@register.simple_tag
def handbook(slug=""):
    """The address of a handbook page, for links between pages."""
    return handbook_url(slug)
