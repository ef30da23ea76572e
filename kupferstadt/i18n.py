"""Which address a visitor reaches in each content language: the language switcher,
the hreflang alternates and the notice on a page that is not translated yet."""

from django.conf import settings
from django.db.models import Case, F, Q, When
from django.db.models.functions import Substr
from django.db.models.lookups import In
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.urls import translate_url
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import Page, Site

from .choices import MachineTranslationState

# The query parameter of a language's home page reached from an untranslated page; the
# page then says that the page is not translated yet. The German name used before is
# still understood, so old links keep showing the notice.
UNTRANSLATED_PARAM = "untranslated"
UNTRANSLATED_PARAMS = (UNTRANSLATED_PARAM, "nicht-uebersetzt")


def has_own_text():
    """Pages with text of their own language: not wagtail-localize's aliases, which
    mirror the German page in a language's tree until it is translated."""
    return Q(alias_of__isnull=True)


def is_source_language(language_code):
    return language_code == settings.LANGUAGE_CODE


def shown_in_q(language_code):
    """What a visitor of ``language_code`` reads: the language's own pages (not aliases)
    and, for every German page without a live translation into that language, the German
    original. So no language is ever emptier than German, and every listing counts the
    same pages in every language. (Visibility, live and public, is the caller's.)"""
    own = Q(locale__language_code=language_code) & has_own_text()
    if is_source_language(language_code):
        return own
    translated = Page.objects.filter(
        has_own_text(), locale__language_code=language_code, live=True
    ).values("translation_key")
    original = Q(locale__language_code=settings.LANGUAGE_CODE) & has_own_text()
    return own | (original & ~Q(translation_key__in=translated))


def snippets_shown_in_q(model, language_code):
    """The translatable snippets (topics, audiences, districts) a visitor of
    ``language_code`` reads: the language's own, else the German one, as ``shown_in_q``
    does for pages. So a filter offers every topic in every language."""
    own = Q(locale__language_code=language_code)
    if is_source_language(language_code):
        return own
    translated = model.objects.filter(own).values("translation_key")
    original = Q(locale__language_code=settings.LANGUAGE_CODE)
    return own | (original & ~Q(translation_key__in=translated))


def own_language_first(language_code):
    """An ordering that puts the snippets or pages of ``language_code`` before the German
    originals standing in for them."""
    return Case(When(locale__language_code=language_code, then=0), default=1)


def trees_q(page, children=False):
    """Pages below ``page`` and below its German original: where ``shown_in_q`` finds the
    originals a language falls back to. ``children``: one level down only. A translation
    sits at the same depth in its language's tree as its original (wagtail-localize
    mirrors the German tree), so both are found by the first ``len(page.path)`` characters
    of the path, in one query with the pages themselves."""
    depth = Q(depth=page.depth + 1) if children else Q(depth__gt=page.depth)
    if is_source_language(text_language(page)) and not page.alias_of_id:
        return depth & Q(path__startswith=page.path)
    roots = Page.objects.filter(
        translation_key=page.translation_key,
        locale__language_code__in=[page.locale.language_code, settings.LANGUAGE_CODE],
    ).values("path")
    return depth & Q(In(Substr("path", 1, len(page.path)), roots))


def text_language(page):
    """The language a page's text is written in: its locale's, except for an alias, which
    shows its German original (wagtail-localize synchronises every tree from German)."""
    if page.alias_of_id:
        return settings.LANGUAGE_CODE
    return page.locale.language_code


def is_foreign_text(page):
    """Whether the page's text is in another language than the page being viewed."""
    return text_language(page) != translation.get_language()


def localized_home(request):
    """The live home page of the request's site in the active language, specific, in one
    query (the German one where a language has none); kept on the request for the
    routing, the header and the navigation."""
    language = translation.get_language()
    key = f"_kupferstadt_home_{language}"
    if not hasattr(request, key):
        site = Site.find_for_request(request)
        home = None
        if site is not None:
            root = site.root_page
            home = (
                root.specific_class.objects.filter(
                    translation_key=root.translation_key,
                    locale__language_code=language,
                    live=True,
                ).first()
                or root.specific
            )
        setattr(request, key, home)
    return getattr(request, key)


def home_pages(request):
    """The live home page of the request's site in each language, by language code."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = site.root_page.get_translations(inclusive=True).live().select_related("locale")
    return {home.locale.language_code: home for home in homes}


def home_urls(request):
    """The address of each language's live home page, by language code."""
    return {code: home.get_url(request) for code, home in home_pages(request).items()}


def is_page_not_found(request):
    """Whether Wagtail's page view answers the request without finding a page."""
    match = getattr(request, "resolver_match", None)
    return match is not None and match.url_name == "wagtail_serve"


def page_targets(request, page, homes=None):
    """``(targets, translated, machine_made)``: the page's live translations (not
    aliases, which still show the German text) by language; a language without one leads
    to its home page with the notice. ``homes``: ``home_urls(request)`` if known."""
    translations = page.get_translations(inclusive=True).live().public().filter(has_own_text())
    # Whether visitors read the machine's text of the page itself, in the same query.
    translations = translations.annotate(machine_state=F("machine_translation__state"))
    targets, machine_made = {}, False
    for other in translations.select_related("locale"):
        targets[other.locale.language_code] = other.get_url(request)
        if other.pk == page.pk:
            machine_made = other.machine_state == MachineTranslationState.PUBLISHED
    translated = set(targets)
    for code, url in (home_urls(request) if homes is None else homes).items():
        if code not in targets:
            targets[code] = f"{url}?{UNTRANSLATED_PARAM}=1"
    return targets, translated, machine_made


def language_links(request, page=None, targets=None, homes=None):
    """The same page in every content language, for the switcher and hreflang.

    A page links its translations (see ``page_targets``; ``targets``: its result if
    known). A page that was not found links every language's home page (``homes``:
    ``home_urls(request)`` if known), without hreflang (and without echoing the address
    typed, which may name a draft's slug). Views that are not pages (search) link to the
    same address in each language.
    """
    machine_made = False
    if isinstance(page, Page) and page.pk:
        targets, translated, machine_made = targets or page_targets(request, page, homes)
    elif is_page_not_found(request):
        targets = dict(home_urls(request) if homes is None else homes)
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
        # The page's text is the machine's (published, unedited): the page says so and
        # links the German original.
        "machine_translated": machine_made,
        "original_url": targets[default] if machine_made and default in translated else None,
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
