"""Which address a visitor reaches in each content language: the language switcher,
the hreflang alternates and the notice on a page that is not translated yet."""

from django.conf import settings
from django.db.models import Q
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import Page, Site

# The query parameter of a language's home page reached from an untranslated page; the
# page then says that the page is not translated yet. The German name used before is
# still understood, so old links keep showing the notice.
UNTRANSLATED_PARAM = "untranslated"
UNTRANSLATED_PARAMS = (UNTRANSLATED_PARAM, "nicht-uebersetzt")


def has_own_text():
    """Pages with text of their own language: not wagtail-localize's aliases, which
    mirror the German page in a language's tree until it is translated."""
    return Q(alias_of__isnull=True)


def home_pages(request):
    """The live home page of the request's site in each language, by language code."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


def is_page_not_found(request):
    """Whether Wagtail's page view answers the request without finding a page."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "wagtail_serve"


def _page_targets(request, page):
    """The page's live translations (not aliases, which still show the German text);
    a language without one leads to its home page with the notice."""
    translations = page.get_translations(inclusive=True).live().public().filter(has_own_text())
    targets = {
        other.locale.language_code: other.get_url(request)
        for other in translations.select_related("locale")
    }
    translated = set(targets)
    for code, home in home_pages(request).items():
        if code not in targets:
            targets[code] = f"{home.get_url(request)}?{UNTRANSLATED_PARAM}=1"
    return targets, translated


def language_links(request, page=None):
    """The same page in every content language, for the switcher and hreflang.

    A page links its translations (see ``_page_targets``). A page that was not found
    links every language's home page, without hreflang (and without echoing the address
    typed, which may name a draft's slug). Views that are not pages (search) link to the
    same address in each language.
    """
    if isinstance(page, Page) and page.pk:
        targets, translated = _page_targets(request, page)
    elif is_page_not_found(request):
        targets = {code: home.get_url(request) for code, home in home_pages(request).items()}
        translated = set()
    else:
        targets = {
            code: translate_url(request.get_full_path(), code) for code, _name in settings.LANGUAGES
        }
        translated = set(targets)
    current_code = translation.get_language()
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
        "untranslated_notice": any(name in request.GET for name in UNTRANSLATED_PARAMS),
    }


# Addresses without a language: the admin, documents, the open-data API, the sitemap.
LANGUAGE_NEUTRAL_PREFIXES = ("/admin/", "/documents/", "/api/", "/sitemap.xml", "/robots.txt")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 of an address without a language stays a 404: Django
    would redirect ``/api/v2/pages/999999/`` to ``/de/api/v2/pages/999999/``, because
    Wagtail's pages answer every address below ``/de/``."""

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(LANGUAGE_NEUTRAL_PREFIXES):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
