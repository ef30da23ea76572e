"""Template tags for the parts every page shares: navigation, breadcrumbs, languages."""

import json

import segno
from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Page

from kupferstadt import cards as card_cache
from kupferstadt import frame, i18n
from kupferstadt.models import FooterText, MachineTranslationState

register = template.Library()


_site_value = frame.site_value
_page_value = frame.page_value


def _plain(page):
    """The page as a plain ``Page`` with its locale: what the frame keeps of it (links,
    titles, tree position), without its type's content."""
    if page is None or type(page) is Page:
        return page
    plain = Page(**{field.attname: getattr(page, field.attname) for field in Page._meta.fields})
    plain.locale = page.locale
    return plain


@register.simple_tag(takes_context=True)
def home_page(context):
    """The home page of the current site in the language being viewed."""
    request = context.get("request")
    if request is None:
        return None
    return _site_value(request, "home", lambda: _plain(i18n.localized_home(request)))


def _menu_items(home):
    if home is None:
        return []
    return list(home.get_children().live().public().in_menu().select_related("locale"))


@register.simple_tag(takes_context=True)
def main_navigation(context):
    request = context.get("request")
    current = context.get("page")

    def render():
        home = home_page(context)
        items = _site_value(request, "menu", lambda: _menu_items(home))
        return render_to_string(
            "includes/main_navigation.html",
            {
                "request": request,
                "home": home,
                "items": items,
                "current_path": current.path if current else "",
            },
        )

    return _page_value(request, current, "navigation", render)


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    request = context.get("request")

    def render():
        ancestors = []
        if page and page.depth > 2:
            ancestors = [ancestor for ancestor in frame.ancestors(request, page) if ancestor.live]
        return render_to_string(
            "includes/breadcrumbs.html", {"request": request, "ancestors": ancestors, "page": page}
        )

    return _page_value(request, page, "breadcrumbs", render)


@register.simple_tag(takes_context=True)
def cards(context, pages, template_name, name, **options):
    """``{% cards notices "home/includes/notice_card.html" "notice" heading="h3" %}``:
    each page's card, as ``{% include %}`` with ``notice=page heading="h3"`` renders it,
    kept once per content version (``kupferstadt/cards.py``)."""
    return card_cache.render(context, pages, template_name, name, options)


@register.filter
def lang_attrs(page):
    """`` lang="de" dir="ltr"`` on an element with a page's text (title, teaser) where that
    text is in another language than the page around it: a German original standing in
    for a missing translation, or an alias (WCAG 3.1.2, language of parts)."""
    if page is None or not i18n.is_foreign_text(page):
        return ""
    code = i18n.text_language(page)
    direction = "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.filter
def is_foreign_text(page):
    """Whether the page's text is in another language than the page being viewed."""
    return page is not None and i18n.is_foreign_text(page)


@register.simple_tag
def content_language(page):
    """The language the main part of ``page`` is rendered in: the visitor's, except for
    an alias that does not list other pages (``SitePage.lists_content``), which reads as
    one German text, its labels and dates included."""
    if page is None or getattr(page, "lists_content", True) or not i18n.is_foreign_text(page):
        return translation.get_language()
    return i18n.text_language(page)


@register.filter
def is_machine_translated(page):
    """Whether visitors read the machine's text of ``page`` (published, nobody edited it
    since): cards say so. Reads ``SitePageQuerySet.with_language()``'s join."""
    try:
        return page.machine_translation.state == MachineTranslationState.PUBLISHED
    except ObjectDoesNotExist:
        return False


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
    request = context.get("request")
    if request is None or site_settings is None:
        return {}
    return _site_value(
        request,
        "service_pages",
        lambda: {
            name: _plain(page)
            for name, page in site_settings["kupferstadt"]["SiteSettings"]
            .live_service_pages()
            .items()
        },
    )


@register.simple_tag(takes_context=True)
def language_links(context):
    """The same page in every content language (``kupferstadt.i18n.language_links``);
    a page's links and the home pages come from the frame."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    homes = _site_value(request, "home_urls", lambda: i18n.home_urls(request))
    if isinstance(page, Page) and page.pk:
        targets = _page_value(
            request, page, "language_targets", lambda: i18n.page_targets(request, page, homes)
        )
    else:
        targets = None
    return i18n.language_links(request, page, targets=targets, homes=homes)


@register.simple_tag(takes_context=True)
def site_footer(context, service):
    """The footer (contact from the site settings, service links, footer text)."""
    request = context.get("request")
    page = context.get("page")
    return _page_value(
        request,
        page,
        "footer",
        lambda: render_to_string(
            "includes/footer.html",
            {"request": request, "settings": context.get("settings"), "service": service},
        ),
    )


@register.simple_tag(takes_context=True)
def footer_text(context):
    """The footer text in the language being viewed (a translatable snippet)."""
    return _site_value(context.get("request"), "footer_text", FooterText.for_language)
