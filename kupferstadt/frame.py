"""The site frame, once per content version: what every page shares (site, home page,
navigation, service pages, site settings, footer text) per site and language, and what a
page's frame needs of the page itself (its route, language links, breadcrumbs) per page
and language, kept in the cache under the page cache's generation.

A request the page cache does not answer reads both parts of its frame in one round trip
to the cache (MGET on Redis; together with the generation when the page cache is off, else
right after the page cache's miss); what was missing is computed once and written back in
one more at the end. A publish raises the generation, so every server builds the
frame anew from its next request on, exactly as it renders pages anew.

The frame holds content only, nothing personal: the live, public pages of the navigation,
the language links and breadcrumbs every visitor sees, the site settings, and the live
page the address leads to as the database holds it (``kupferstadt/routing.py``, for
visitors without a session; its privacy is checked on every request as before). The user
bar and anything rendered for one visitor stay outside. Previews (``is_dummy``) and the
admin, API and documents get no frame and read everything from the database as before.

Besides the frame, ``per_generation`` keeps small things every page asks for (the view
restrictions of a page) in the process for the generation the request read.
"""

import contextvars
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.utils import translation

PREFIX = "kupferstadt:frame:"
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/api/")

_generation = contextvars.ContextVar("kupferstadt_frame_generation", default=None)
_memo = {}


def _digest(*parts):
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


class Frame:
    """One request's frame: the site part and the page part as read from the cache (for
    the request's generation only), and what the request added to them."""

    def __init__(self, generation, language, site_key, page_key, found):
        self.generation = generation
        self.language = language
        self.keys = {"site": site_key, "page": page_key}
        self.parts = {}
        for name, key in self.keys.items():
            entry = found.get(key)
            fresh = entry is not None and entry[0] == generation
            self.parts[name] = dict(entry[1]) if fresh else {}
        self.changed = set()

    def usable(self):
        """Whether the language being rendered is the frame's (a view may switch it)."""
        return translation.get_language() == self.language

    def get(self, part, name, compute):
        values = self.parts[part]
        if name not in values:
            values[name] = compute()
            self.changed.add(part)
        return values[name]

    def save(self):
        if self.changed:
            cache.set_many(
                {self.keys[part]: (self.generation, self.parts[part]) for part in self.changed},
                settings.KUPFERSTADT_PAGE_CACHE_SECONDS or 300,
            )
            self.changed = set()


def forget():
    """Drops what this process keeps per generation (for tests, whose database rolls back
    under an unchanged generation)."""
    _memo.clear()


def keys_for(request):
    """The cache keys of the request's frame, or ``None`` for requests without one (the
    admin, the API, documents, media and static files have no site frame)."""
    excluded = (*EXCLUDED_PREFIXES, settings.MEDIA_URL, settings.STATIC_URL)
    if getattr(request, "is_dummy", False) or request.path_info.startswith(excluded):
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    language = translation.get_language_from_request(request, check_path=True)
    return (
        language,
        PREFIX + "site:" + _digest(host, language),
        PREFIX + "page:" + _digest(host, language, request.path),
    )


def begin(request, generation, keys, found):
    """Puts the frame read with the generation on the request, for the rest of it."""
    language, site_key, page_key = keys
    frame = Frame(generation, language, site_key, page_key, found)
    request.kupferstadt_frame = frame
    token = _generation.set(generation)
    _apply_site(request, frame)
    return token


def end(request, token):
    frame = getattr(request, "kupferstadt_frame", None)
    _generation.reset(token)
    if frame is not None:
        frame.save()


def of(request):
    """The request's frame, if it has one and renders in the frame's language."""
    frame = getattr(request, "kupferstadt_frame", None) if request is not None else None
    return frame if frame is not None and frame.usable() else None


def _apply_site(request, frame):
    """Wagtail's own per-request caches, filled from the frame: the site, the site root
    paths for page URLs and the site settings. Each is read once per generation."""
    from wagtail.models import Site

    from .models import SiteSettings

    site = frame.get("site", "site", lambda: Site.find_for_request(request))
    request._wagtail_site = site
    if site is None:
        return
    request._wagtail_cached_site_root_paths = frame.get(
        "site", "root_paths", Site.get_site_root_paths
    )
    site_settings = frame.get("site", "settings", lambda: SiteSettings.for_site(site))
    site_settings._request = request
    setattr(request, SiteSettings.get_cache_attr_name(), site_settings)


def site_value(request, name, compute):
    """``compute()``, from the site part of the request's frame where it has one."""
    site_frame = of(request)
    return site_frame.get("site", name, compute) if site_frame else compute()


def page_value(request, page, name, compute):
    """``compute()``, from the page part of the request's frame where ``page`` is the
    page the request's address leads to (not a 404, not another page in the context)."""
    site_frame = of(request)
    if site_frame is None or not _is_routed_page(request, page):
        return compute()
    return site_frame.get("page", name, compute)


def _is_routed_page(request, page):
    match = getattr(request, "resolver_match", None)
    if match is None:
        return False
    if match.url_name != "wagtail_serve":
        return page is None  # a view of its own (search): its address is its frame
    route = getattr(request, "_wagtail_route_for_request", None)
    return route is not None and page is not None and route[0].pk == page.pk


def ancestors(request, page):
    """The page's ancestors below the root, with their locale (breadcrumbs in the page
    and in its structured data)."""
    return page_value(
        request,
        page,
        "ancestors",
        lambda: list(page.get_ancestors().filter(depth__gt=1).select_related("locale")),
    )


def per_generation(name, compute):
    """``compute()``, kept in this process for the generation the current request read;
    without a request (commands, tests calling models) always computed."""
    generation = _generation.get()
    if generation is None:
        return compute()
    entry = _memo.get(name)
    if entry is not None and entry[0] == generation:
        return entry[1]
    value = compute()
    if len(_memo) > 10_000:
        _memo.clear()
    _memo[name] = (generation, value)
    return value
