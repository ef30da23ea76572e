"""Cache of whole pages for anonymous visitors, shared by all app servers and processes
through the cache (Redis in production, else the database cache; local memory only in
development).

Every entry carries the generation number it was rendered under; the number lives in the
same cache. Publishing, unpublishing, moving, deleting, scheduled expiry and publishing a
translation (all through Wagtail's signals), a change of page privacy, of a snippet or of
the site settings raise the generation, so from the next request on no server serves an
older page: they all read the generation from the same Redis, in the same round trip as
the page. Keys carry the language and the date, because listings change at midnight when
notices expire, and entries live at most ``KUPFERSTADT_PAGE_CACHE_SECONDS``.

Only anonymous GET and HEAD requests without a session or message cookie are cached, and
only plain 200 responses that set no cookie and use no CSRF token (forms) or session.
Every answer to someone logged in or with a session carries ``Cache-Control: private,
no-store`` (outside the admin), so no CDN or proxy keeps it either.
A response may name a function to run on every answer from the cache
(``count_hits_with``): the search page is cached like any other, and every search still
counts for the search terms report. Its list of matches is cached under the same
generation too (``search/engine.py``), for the other result pages and filters of a query.

The key holds only the query parameters the site reads (``QUERY_PARAMETERS``), so an
unknown parameter (``?utm_source=…``, ``?x=1``, ``?x=2`` …) creates no new entry: it gets
the page stored without it. While a page renders, ``request.GET`` notes every parameter
name the code asks for (``ReadRecordingQueryDict``); a page is stored only if the request
had no other parameters and the code read no other names, so a page is never served for
parameter values it was not made for. A name missing from the list costs speed (its pages
are not cached), never correctness.

The middleware sits right after the security and static-file middleware and stores the
finished response, with the headers every inner middleware added (language, security
policy, Vary): a cached page costs one cache round trip and none of their work.
"""

import hashlib
import time
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.http import QueryDict
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.snippets.models import get_snippet_models

from . import frame
from .i18n import UNTRANSLATED_PARAMS

GENERATION_KEY = "kupferstadt:page-cache:generation"
# Every query parameter a public page reads: the listings' page number and filters
# (home/filters.py, events/filters.py), the search (search/views.py) and the notice on an
# untranslated page (kupferstadt.i18n).
QUERY_PARAMETERS = frozenset(
    {
        "page",
        *("topic", "audience", "region", "district", "month"),
        *("when", "date_from", "date_to"),
        *("q", "type", "archive"),
        *UNTRANSLATED_PARAMS,
    }
)
# Page passwords (/<language>/_util/…) are POSTs and never cached.
EXCLUDED_PREFIXES = ("/admin/", "/documents/", "/api/")
EXCLUDED_URL_NAMES = {"search_autocomplete"}
HIT_HOOK = "kupferstadt_on_cache_hit"


def count_hits_with(response, function, *args):
    """Makes the page cache call ``function(*args)`` on every answer it gives with this
    response; ``function`` must pickle (a module-level function or a classmethod)."""
    setattr(response, HIT_HOOK, (function, args))
    return response


def new_generation():
    """First use, or evicted: start from the clock, never from a number used before."""
    cache.add(GENERATION_KEY, time.time_ns(), None)
    return cache.get(GENERATION_KEY) or 0


def invalidate(**kwargs):
    """A new generation: every cached page is outdated, on every server."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not set yet (or evicted)
        new_generation()


def current(key):
    """``(generation, value)``: the value stored under ``key`` if it was stored under the
    current generation, else ``None``; one round trip to the cache (MGET on Redis)."""
    generation, value, _found = current_with(key, ())
    return generation, value


def current_with(key, others):
    """``current(key)`` and, in the same round trip, what the cache holds under the keys
    ``others`` (the site frame's parts): ``(generation, value, found)``. ``key`` may be
    ``None`` (a request the page cache does not answer)."""
    found = cache.get_many([GENERATION_KEY, *([key] if key else []), *others])
    generation = found.get(GENERATION_KEY) or new_generation()
    entry = found.get(key) if key else None
    value = entry[1] if entry is not None and entry[0] == generation else None
    return generation, value, found


def store(key, generation, value):
    """Keeps ``value`` as valid for ``generation`` (the one read before computing it, so a
    publish in between makes it outdated at once)."""
    cache.set(key, (generation, value), settings.KUPFERSTADT_PAGE_CACHE_SECONDS)


def cache_key(request):
    """The key of a page: address with the known query parameters, language (as the
    locale middleware will choose it) and date; the generation is checked against the
    entry instead."""
    known = sorted(name for name in request.GET.keys() if name in QUERY_PARAMETERS)
    query = urlencode([(name, request.GET.getlist(name)) for name in known], doseq=True)
    raw = "|".join(
        [
            timezone.localdate().isoformat(),
            translation.get_language_from_request(request, check_path=True),
            request.get_host(),
            request.path,
            query,
        ]
    )
    return "kupferstadt:page:" + hashlib.sha256(raw.encode()).hexdigest()


class ReadRecordingQueryDict(QueryDict):
    """``request.GET`` that notes the parameter names asked for in ``names_read``; what
    reads all of them (iterating, copying, ``urlencode``) notes every name present."""

    names_read = frozenset()

    @classmethod
    def recording(cls, query_dict):
        recorder = cls(mutable=True, encoding=query_dict.encoding)
        for name, values in query_dict.lists():
            recorder.setlist(name, values)
        recorder._mutable = False
        recorder.names_read = set()
        return recorder

    def _read(self, name):
        self.names_read.add(name)

    def _read_all(self):
        self.names_read.update(dict.keys(self))

    def __getitem__(self, name):
        self._read(name)
        return super().__getitem__(name)

    def _getlist(self, name, *args, **kwargs):
        self._read(name)
        return super()._getlist(name, *args, **kwargs)

    def __contains__(self, name):
        self._read(name)
        return super().__contains__(name)

    def __iter__(self):
        self._read_all()
        return super().__iter__()

    def keys(self):
        self._read_all()
        return super().keys()

    def __len__(self):
        self._read_all()
        return super().__len__()

    def __copy__(self):
        self._read_all()
        return _plain(self)

    def __deepcopy__(self, memo):
        self._read_all()
        return _plain(self).__deepcopy__(memo)


def _plain(recorder):
    """A plain, mutable QueryDict with the same content (no recording)."""
    plain = QueryDict(mutable=True, encoding=recorder.encoding)
    for name, values in dict.items(recorder):
        plain.setlist(name, list(values))
    return plain


def reads_only_known_parameters(recorder):
    """Whether the page may be stored under a key of the known parameters only."""
    present = set(dict.keys(recorder))
    return present <= QUERY_PARAMETERS and recorder.names_read <= QUERY_PARAMETERS


def cacheable_request(request):
    # Without a session cookie nobody is logged in; asking request.user would only
    # touch the session for nothing.
    if request.method not in ("GET", "HEAD") or getattr(request, "is_dummy", False):
        return False  # is_dummy: Wagtail rendering a preview
    if request.path_info.startswith(EXCLUDED_PREFIXES):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def cacheable_response(request, response):
    session = getattr(request, "session", None)
    match = getattr(request, "resolver_match", None)
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        # Reading the empty session of a cookie-less visitor changes nothing (the user
        # bar asks for the user on every page); writing to it would set a cookie.
        and not (session is not None and session.modified)
        and not (match and match.url_name in EXCLUDED_URL_NAMES)
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


class AnonymousPageCacheMiddleware:
    """Serves and stores finished pages for anonymous visitors."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        use_cache = settings.KUPFERSTADT_PAGE_CACHE_SECONDS and cacheable_request(request)
        key = cache_key(request) if use_cache else None
        # A page the cache may answer costs one round trip for the generation and the
        # page, and no other work. Only a page to be rendered reads the site frame
        # (kupferstadt/frame.py: public content only, for everyone) in a second one;
        # without the page cache the generation and the frame come in one.
        if use_cache:
            generation, cached = current(key)
            if cached is not None:
                if hook := getattr(cached, HIT_HOOK, None):
                    function, args = hook
                    function(*args)
                return cached
        frame_keys = frame.keys_for(request)
        if frame_keys is None and not use_cache:
            return keep_personal_out_of_shared_caches(request, self.get_response(request))
        frame_parts = frame_keys[1:] if frame_keys else ()
        if use_cache:
            found = cache.get_many(frame_parts) if frame_parts else {}
        else:
            generation, _value, found = current_with(None, frame_parts)
        token = frame.begin(request, generation, frame_keys, found) if frame_keys else None
        try:
            if use_cache:
                request.GET = recorder = ReadRecordingQueryDict.recording(request.GET)
            response = self.get_response(request)
        finally:
            if token is not None:
                frame.end(request, token)
        if (
            use_cache
            and cacheable_response(request, response)
            and reads_only_known_parameters(recorder)
        ):
            store(key, generation, response)
        return keep_personal_out_of_shared_caches(request, response)


def keep_personal_out_of_shared_caches(request, response):
    """An answer to someone logged in or with a session (a page password passed, a
    message waiting) may be personal: no CDN or proxy may keep it. Wagtail's admin sets
    its own headers."""
    if request.path_info.startswith("/admin/"):
        return response
    user = getattr(request, "user", None)
    if (
        settings.SESSION_COOKIE_NAME in request.COOKIES
        or "messages" in request.COOKIES
        or settings.SESSION_COOKIE_NAME in response.cookies
        or (user is not None and user.is_authenticated)
    ):
        patch_cache_control(response, private=True, no_store=True)
    return response


# What saving a draft writes to the page row; visitors see none of it.
DRAFT_FIELDS = {
    COMMENTS_RELATION_NAME,
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


def is_draft_save(update_fields):
    """Whether a page save with these ``update_fields`` only stored a draft (a new
    revision, a lock): the page's live content in the database is unchanged."""
    return bool(update_fields) and set(update_fields) <= DRAFT_FIELDS


def invalidate_on_change(sender, update_fields=None, **kwargs):
    if issubclass(sender, Page) and is_draft_save(update_fields):
        return
    # Sites and locales: the site frame (kupferstadt/frame.py) keeps them too.
    if issubclass(
        sender, (Page, PageViewRestriction, BaseSiteSetting, BaseGenericSetting, Site, Locale)
    ):
        invalidate()
    elif sender in get_snippet_models():
        invalidate()


def create_cache_table():
    """``migrate`` creates the table of a database cache (production without Redis), so
    every process shares one page cache; with another cache backend nothing happens."""
    call_command("createcachetable", verbosity=0)
