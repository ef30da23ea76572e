"""Template tags for the parts every page shares: navigation, breadcrumbs, languages."""

import json

import segno
from django import template
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from kupferstadt import i18n
from kupferstadt.models import FooterText

register = template.Library()


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page of the current site in the language being viewed."""
    request = context.get("request")
    if request is None:
        return None
    # Header and navigation both ask; look it up once per request and language.
    key = f"_home_page_{translation.get_language()}"
    if not hasattr(request, key):
        site = Site.find_for_request(request)
        root = site.root_page if site else None
        setattr(request, key, root.localized if root else None)
    return getattr(request, key)


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    home = home_page(context)
    items = home.get_children().live().public().in_menu() if home else Page.objects.none()
    current = context.get("page")
    return {
        "request": context.get("request"),
        "home": home,
        "items": items,
        "current_path": current.path if current else "",
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page):
    ancestors = page.get_ancestors().filter(depth__gt=1).live() if page and page.depth > 2 else []
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}


@register.filter
def starts_with(value, prefix):
    return bool(prefix) and str(value).startswith(str(prefix))


_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's schema.org JSON-LD, escaped so that no text can close the script."""
    request = context["request"]
    blocks = [
        format_html(
            '<script type="application/ld+json">{}</script>',
            mark_safe(json.dumps(item, ensure_ascii=False).translate(_JSON_ESCAPES)),
        )
        for item in page.structured_data(request)
    ]
    return mark_safe("\n".join(blocks))


@register.simple_tag
def qr_code(url, title=""):
    """An inline SVG QR code for ``url``, generated on the server."""
    svg = segno.make(url, error="m").svg_inline(
        scale=4, dark="#000", light="#fff", title=title or None, svgclass="qr-code"
    )
    return mark_safe(svg)


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    return context["request"].build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def webcal_url(context, path):
    """The same calendar URL with the webcal scheme, which calendar apps subscribe to."""
    url = context["request"].build_absolute_uri(path)
    return "webcal://" + url.split("://", 1)[1]


@register.simple_tag(takes_context=True)
def share_mailto(context, page):
    return page.share_mailto(context["request"])


_OG_LOCALES = {"de": "de_DE", "en": "en_GB", "tr": "tr_TR", "ar": "ar_AR", "uk": "uk_UA"}


@register.filter
def og_locale(language_code):
    return _OG_LOCALES.get(language_code, language_code)


@register.simple_tag(takes_context=True)
def service_pages(context):
    """The pages linked from every header and footer (``SiteSettings.live_service_pages``)."""
    site_settings = context.get("settings")
    if context.get("request") is None or site_settings is None:
        return {}
    return site_settings["kupferstadt"]["SiteSettings"].live_service_pages()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The same page in every content language (``kupferstadt.i18n.language_links``)."""
    request = context.get("request")
    if request is None:
        return {}
    return i18n.language_links(request, context.get("page"))


@register.simple_tag
def footer_text():
    """The footer text in the language being viewed (a translatable snippet)."""
    return FooterText.for_language()
