"""Template tags for the parts every page shares: navigation, breadcrumbs, languages."""

import json

import segno
from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

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
    """The pages linked from every header and footer (Impressum, Leichte Sprache, ...),
    by name, fetched in one query and only while they are live."""
    request = context.get("request")
    site_settings = context.get("settings")
    if request is None or site_settings is None:
        return {}
    ids = site_settings["kupferstadt"]["SiteSettings"].service_page_ids()
    pages = Page.objects.filter(id__in=[i for i in ids.values() if i]).live().public()
    by_id = {page.id: page for page in pages.select_related("locale")}
    return {name: by_id[page_id] for name, page_id in ids.items() if page_id in by_id}


UNTRANSLATED_PARAM = "nicht-uebersetzt"


def _is_page_not_found(request):
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "wagtail_serve"


@register.simple_tag(takes_context=True)
def language_links(context):
    """The same page in every content language, for the switcher and hreflang.

    A page's live translations (not wagtail-localize's aliases, which still show the
    German text) are linked directly; a language without one links to its home page with
    a notice. Views that are not pages (search) link to the same address per language.
    """
    request = context.get("request")
    if request is None:
        return {}
    current_code = translation.get_language()
    page = context.get("page")
    targets, translated = {}, set()
    if isinstance(page, Page) and page.pk:
        pages = page.get_translations(inclusive=True).live().public()
        for other in pages.filter(alias_of__isnull=True).select_related("locale"):
            targets[other.locale.language_code] = other.get_url(request)
            translated.add(other.locale.language_code)
        site = Site.find_for_request(request)
        homes = site.root_page.get_translations(inclusive=True).live() if site else []
        for home in Page.objects.filter(pk__in=homes).select_related("locale"):
            code = home.locale.language_code
            if code not in targets:
                targets[code] = f"{home.get_url(request)}?{UNTRANSLATED_PARAM}=1"
    elif _is_page_not_found(request):
        # No page, so no translation either: every language's home page, no hreflang
        # (and no echo of the address typed, which may name a draft's slug).
        site = Site.find_for_request(request)
        homes = site.root_page.get_translations(inclusive=True).live() if site else []
        for home in Page.objects.filter(pk__in=homes).select_related("locale"):
            targets[home.locale.language_code] = home.get_url(request)
    else:
        for code, _name in settings.LANGUAGES:
            targets[code] = translate_url(request.get_full_path(), code)
            translated.add(code)
    links = [
        {
            "code": code,
            "name": name,
            "url": targets[code],
            "current": code == current_code,
            "translated": code in translated,
        }
        for code, name in settings.LANGUAGES
        if code in targets
    ]
    default = settings.LANGUAGE_CODE
    return {
        "links": links,
        "alternates": [link for link in links if link["translated"]],
        "x_default": targets.get(default) if default in translated else None,
        "untranslated_notice": UNTRANSLATED_PARAM in request.GET,
    }


@register.simple_tag
def footer_text():
    """The footer text in the language being viewed (a translatable snippet)."""
    return FooterText.for_language()
