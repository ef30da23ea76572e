"""No input gives a server error: a property-based fuzzer (hypothesis) sends generated
values, and odd parameter names, to every query parameter of every public address, and
garbage to the public forms. Every answer is an expected status, and a 4xx has a body.

Two profiles, chosen with ``HYPOTHESIS_PROFILE``: ``fast`` (the default, for ``make
test``: a few requests per address, the same ones every run) and ``fuzz`` (``make fuzz``:
many more, new ones every run). The number of requests sent is printed at the end.
"""

import datetime
import os
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import quote, quote_from_bytes

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Page

from events.models import EventPage
from home.models import NoticePage
from kupferstadt.api import SitePagesAPIViewSet
from kupferstadt.forms import form_token
from projects.models import ProjectPage

from ..conftest import restore_wagtail_base
from ..factories import (
    AccessibilityStatementPageFactory,
    AudienceFactory,
    BarrierReportPageFactory,
    DistrictFactory,
    EasyLanguagePageFactory,
    EventIndexPageFactory,
    EventPageFactory,
    NoticePageFactory,
    OfferSubmissionPageFactory,
    OrganisationFactory,
    PersonFactory,
    PinnwandPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    SignLanguagePageFactory,
    StandardPageFactory,
    TopicFactory,
    VenueFactory,
)

# The database is set up for tests marked so; the site itself is built once (site_routes).
pytestmark = pytest.mark.django_db

_SHARED = {
    "deadline": None,
    "database": None,
    "suppress_health_check": [
        # The site is built once per module; every example reads it, none changes it.
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
}
settings.register_profile("fast", max_examples=10, derandomize=True, **_SHARED)
settings.register_profile("fuzz", max_examples=150, **_SHARED)
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "fast"))

ALLOWED = {200, 301, 302, 304, 400, 404, 405, 410, 429}

# The values that broke something here before: sent most often.
WORST = [
    "\x00",
    b"\xff",
    "",
    "-1",
    "1e999",
    "9" * 30,
    "-" + "9" * 30,
    "9999-12",
    "0001-01",
    "2026-13-45",
    "0001-01-01",
    "x" * 5000,
]

# Values that broke or nearly broke parsers somewhere: numbers out of range, dates that do
# not exist, separators, markup, encodings, NUL.
TRICKY = [
    "",
    " ",
    "0",
    "-1",
    "-0",
    "1",
    "2",
    "+1",
    "1.5",
    "1e999",
    "-1e999",
    "1e-999",
    "NaN",
    "inf",
    "-inf",
    "0x10",
    "9" * 30,
    "-" + "9" * 30,
    str(2**63),
    str(2**31),
    "2026-05",
    "2026-13",
    "2026-00",
    "0000-01",
    "9999-12",
    "10000-01",
    "2026-13-45",
    "2026-02-30",
    "2026-05-01",
    "2026-05-01T10:00:00",
    "2026-05-01T25:61:61+99:00",
    "1970-01-01",
    "true",
    "false",
    "ja",
    "nein",
    "None",
    "null",
    "root",
    "random",
    "*",
    "-*",
    "_",
    ",",
    ",,",
    "a,b",
    "-title",
    "title,-title",
    "random,title",
    "id,-id,random",
    "(",
    ")",
    "*,-*",
    "topics(name)",
    "topics(*,-name)",
    "venue(foo(bar))",
    "__proto__",
    "../",
    "../../etc/passwd",
    "/",
    "//",
    "%",
    "%00",
    "\x00",
    "a\x00b",
    "\r\n",
    "\t",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '"',
    "\\",
    "ä",
    "ß",
    "İ",
    "\u202e",
    "\ufeff",
    "\U0001f600",
    "home.NoticePage",
    "events.EventPage",
    "projects.ProjectPage",
    "home.NoticePage,events.EventPage",
    "wagtailcore.Page",
    "auth.User",
    "home.Nothing",
    "nothing",
    ".",
    "de",
    "en",
    "tr",
    "ar",
    "uk",
    "xx",
    "and",
    "or",
    "plain",
    "html",
    "json",
    "api",
    "x" * 300,
    "x" * 5000,
]

# Parameter names every route may get besides its own.
ODD_NAMES = [
    "",
    " ",
    "page",
    "page[]",
    "q",
    "format",
    "callback",
    "_",
    "utm_source",
    "nicht-uebersetzt",
    "\x00",
    "a\x00",
    "ä",
    "x" * 300,
    "__class__",
    "csrfmiddlewaretoken",
]


@dataclass
class Route:
    """One public address and the parameters it reads."""

    path: str
    params: list[str] = field(default_factory=list)
    # Names of POSTed form fields; empty for addresses that are only read.
    form_fields: list[str] = field(default_factory=list)
    # Values that mean something to this route (slugs, ids), mixed into the tricky ones.
    values: list[str] = field(default_factory=list)
    # Sent before the generated parameters (the API's ?type=, for its type's fields).
    fixed: str = ""


class RequestCounter:
    """Counts the requests sent and prints the total at the end of the run."""

    def __init__(self):
        self.requests = Counter()

    def pytest_terminal_summary(self, terminalreporter):
        if total := sum(self.requests.values()):
            terminalreporter.write_sep(
                "-",
                f"Fuzzer ({os.environ.get('HYPOTHESIS_PROFILE', 'fast')}): {total} Anfragen "
                f"an {len(self.requests)} Adressen",
            )


COUNTER = RequestCounter()


class Routes(dict):
    """The routes by name; a short repr keeps hypothesis' failure reports readable."""

    def __repr__(self):
        return f"<{len(self)} Adressen>"


@pytest.fixture(scope="module", autouse=True)
def _count_requests(request):
    if not request.config.pluginmanager.is_registered(COUNTER):
        request.config.pluginmanager.register(COUNTER, "kupferstadt-fuzz-counter")
    yield
    total = sum(COUNTER.requests.values())
    print(f"\nFuzzer: {total} Anfragen an {len(COUNTER.requests)} Adressen")


def build_site():
    """A site like the demo: a Pinnwand with current, pinned and expired notices, the
    calendar with upcoming and past events, the Leitbild with an initiative, the forms,
    the service pages, and every content language."""
    from kupferstadt.demo.loader import ensure_site
    from kupferstadt.translation import ensure_languages, synchronise_trees

    home = ensure_site()
    today = timezone.localdate()
    now = timezone.now()
    familie = TopicFactory(name="Familie")
    senioren = AudienceFactory(name="Senioren")
    atsch = DistrictFactory(name="Atsch")
    verein = OrganisationFactory(name="Kupferverein")
    person = PersonFactory(name="Erika Muster")

    pinnwand = PinnwandPageFactory(parent=home, slug="pinnwand")
    notice = NoticePageFactory(
        parent=pinnwand,
        title="Familiencafé",
        topics=[familie],
        audiences=[senioren],
        districts=[atsch],
        provider=verein,
        contacts=[person],
    )
    NoticePageFactory(parent=pinnwand, title="Angeheftet", pinned=True)
    NoticePageFactory(
        parent=pinnwand,
        title="Abgelaufen",
        valid_from=today - datetime.timedelta(days=30),
        valid_until=today - datetime.timedelta(days=2),
    )

    leitbild = ProjectIndexPageFactory(parent=home, slug="soziale-kupferstadt-2030")
    project = ProjectPageFactory(parent=leitbild, title="Familiengerechte Kommune")
    project.topics.set([familie])
    project.save()

    calendar = EventIndexPageFactory(parent=home, slug="veranstaltungen")
    event = EventPageFactory(
        parent=calendar, title="Forum", topics=[familie], venue=VenueFactory(name="Rathaus")
    )
    event.related_projects.set([project])
    event.save_revision().publish()
    EventPageFactory(
        parent=calendar,
        title="Ganztägig",
        all_day=True,
        start=now + datetime.timedelta(days=20),
        end=now + datetime.timedelta(days=21),
    )
    EventPageFactory(
        parent=calendar,
        title="Vorbei",
        start=now - datetime.timedelta(days=10),
        end=now - datetime.timedelta(days=10, hours=-2),
    )

    offer = OfferSubmissionPageFactory(parent=home, slug="angebot-melden")
    barrier = BarrierReportPageFactory(parent=home, slug="barriere-melden")
    standard = StandardPageFactory(parent=home, title="Impressum", slug="impressum")
    accessibility = AccessibilityStatementPageFactory(parent=home, slug="barrierefreiheit")
    easy = EasyLanguagePageFactory(parent=home, slug="leichte-sprache")
    sign = SignLanguagePageFactory(parent=home, slug="gebaerdensprache")

    ensure_languages()
    synchronise_trees()
    ensure_languages()

    slugs = [familie.slug, senioren.slug, atsch.slug, "stadt", "staedteregion"]
    ids = [str(page.id) for page in (home, pinnwand, notice, event, project, leitbild)]
    board = ["topic", "audience", "region", "district", "page"]
    listing = ["month", "topic", "page", "when", "date_from", "date_to"]
    search = ["q", "type", "topic", "archive", "page"]
    tokens = [form_token(), form_token(time_ago()), form_token(0)]

    def api_params(model=Page):
        """Every parameter the API takes for ``model``: its operations and ours, and a
        filter for each of the model's fields (as the API itself lists them)."""
        fields = SitePagesAPIViewSet.get_available_fields(model, db_fields_only=True)
        return sorted(SitePagesAPIViewSet.known_query_parameters | set(fields))

    offer_fields = [
        "title",
        "teaser",
        "description",
        "provider",
        "region",
        "topics",
        "valid_from",
        "valid_until",
        "image",
        "image_alt",
        "pdf",
        "name",
        "email",
        "phone",
        "consent",
        "website",
        "started",
    ]
    barrier_fields = ["page_url", "description", "name", "email", "website", "started"]

    routes = Routes(
        {
            "start": Route("/"),
            "home": Route("/de/", ["nicht-uebersetzt"]),
            "pinnwand": Route("/de/pinnwand/", board, values=slugs),
            "pinnwand archive": Route("/de/pinnwand/archiv/", board, values=slugs),
            "pinnwand rss": Route("/de/pinnwand/rss/", board, values=slugs),
            "pinnwand atom": Route("/de/pinnwand/atom/", board, values=slugs),
            "notice": Route(notice.url),
            "notice print": Route(notice.url + "druckansicht/"),
            "events": Route("/de/veranstaltungen/", listing, values=slugs),
            "events archive": Route("/de/veranstaltungen/archiv/", listing, values=slugs),
            "events rss": Route("/de/veranstaltungen/rss/", listing, values=slugs),
            "events atom": Route("/de/veranstaltungen/atom/", listing, values=slugs),
            "events ical": Route("/de/veranstaltungen/ical/", listing, values=slugs),
            "events month": Route("/de/veranstaltungen/monat/2026-09/", ["topic"], values=slugs),
            "event": Route(event.url),
            "event ical": Route(event.url + "ical/"),
            "event print": Route(event.url + "druckansicht/"),
            "leitbild": Route(leitbild.url),
            "initiative": Route(project.url),
            "initiative ical": Route(project.url + "ical/"),
            "search": Route("/de/suche/", search, values=[*slugs, "notices", "events", "1"]),
            "search en": Route("/en/suche/", search, values=["notices", "pages", "1"]),
            "suggestions": Route("/de/suche/vorschlaege/", ["q"], values=["Fa", "Familie"]),
            "api listing": Route("/api/v2/pages/", api_params(), values=[*ids, *slugs]),
            "api notices": Route(
                "/api/v2/pages/",
                api_params(NoticePage),
                values=[*ids, *slugs],
                fixed="type=home.NoticePage",
            ),
            "api events": Route(
                "/api/v2/pages/",
                api_params(EventPage),
                values=[*ids, *slugs, "scheduled"],
                fixed="type=events.EventPage",
            ),
            "api initiatives": Route(
                "/api/v2/pages/",
                api_params(ProjectPage),
                values=[*ids, *slugs, "running"],
                fixed="type=projects.ProjectPage",
            ),
            "api detail": Route(f"/api/v2/pages/{notice.id}/", api_params(), values=ids),
            "api find": Route(
                "/api/v2/pages/find/",
                ["html_path", "id", *api_params()],
                values=[*ids, "/pinnwand/", notice.url, "/de/pinnwand/", "/"],
            ),
            "offer form": Route(
                offer.url, ["nicht-uebersetzt"], form_fields=offer_fields, values=tokens
            ),
            "offer thanks": Route(offer.url + "danke/"),
            "barrier form": Route(
                barrier.url,
                ["seite"],
                form_fields=barrier_fields,
                values=[*tokens, notice.url, "https://example.org/"],
            ),
            "barrier thanks": Route(barrier.url + "danke/"),
            "standard page": Route(standard.url),
            "accessibility": Route(accessibility.url),
            "easy language": Route(easy.url),
            "sign language": Route(sign.url),
            "home en": Route("/en/", ["nicht-uebersetzt"]),
            "home tr": Route("/tr/", ["nicht-uebersetzt"]),
            "home ar": Route("/ar/", ["nicht-uebersetzt"]),
            "home uk": Route("/uk/", ["nicht-uebersetzt"]),
            "pinnwand en": Route("/en/pinnwand/", board, values=slugs),
            "events uk": Route("/uk/veranstaltungen/", listing, values=slugs),
            "sitemap": Route("/sitemap.xml", ["p", "section"]),
            "robots": Route("/robots.txt"),
        }
    )
    return routes


def time_ago(seconds=60):
    return datetime.datetime.now().timestamp() - seconds


ROUTE_NAMES = [
    "start",
    "home",
    "pinnwand",
    "pinnwand archive",
    "pinnwand rss",
    "pinnwand atom",
    "notice",
    "notice print",
    "events",
    "events archive",
    "events rss",
    "events atom",
    "events ical",
    "events month",
    "event",
    "event ical",
    "event print",
    "leitbild",
    "initiative",
    "initiative ical",
    "search",
    "search en",
    "suggestions",
    "api listing",
    "api notices",
    "api events",
    "api initiatives",
    "api detail",
    "api find",
    "offer form",
    "offer thanks",
    "barrier form",
    "barrier thanks",
    "standard page",
    "accessibility",
    "easy language",
    "sign language",
    "home en",
    "home tr",
    "home ar",
    "home uk",
    "pinnwand en",
    "events uk",
    "sitemap",
    "robots",
]
FORM_ROUTES = ["offer form", "barrier form"]


@pytest.fixture(scope="module")
def site_routes(django_db_setup, django_db_blocker):
    """The site, built once for every test of this module and rolled back after them."""
    with django_db_blocker.unblock():
        cache.clear()
        with transaction.atomic():
            restore_wagtail_base()
            routes = build_site()
            yield routes
            transaction.set_rollback(True)
        # Rate limits and cached site paths of this module must not reach other tests.
        cache.clear()


@pytest.fixture
def no_minimum_form_time(settings):
    """Submissions reach validation and saving, not only the "too fast" check."""
    settings.KUPFERSTADT_FORM_MIN_SECONDS = 0


# Values: the route's own and tricky ones, arbitrary text (NUL and control characters
# included), arbitrary bytes (invalid UTF-8 once percent-encoded) and huge numbers.
def values(route):
    worst = st.sampled_from(WORST)
    known = st.sampled_from(TRICKY + route.values)
    return st.one_of(
        worst,
        worst,
        worst,
        known,
        known,
        known,
        st.text(max_size=40),
        st.binary(max_size=40),
        st.integers().map(str),
        st.floats().map(str),
        st.dates().map(lambda d: d.isoformat()[:7]),
        st.dates().map(lambda d: d.isoformat()),
        st.datetimes().map(lambda d: d.isoformat()),
        st.text(alphabet="0123456789-:,.eE+*()_ ", max_size=25),
    )


def encode(part):
    if isinstance(part, bytes):
        return quote_from_bytes(part, safe="")
    # Lone surrogates cannot be UTF-8: send what a broken client sends instead.
    return quote(part.encode("utf-8", "surrogatepass"), safe="")


def pairs(route):
    odd = st.one_of(st.sampled_from(ODD_NAMES), st.text(max_size=12), st.binary(max_size=8))
    own = st.sampled_from(route.params) if route.params else odd
    name = st.one_of(own, own, own, odd)
    return st.tuples(name, values(route))


@st.composite
def query_strings(draw, route):
    """A query string: known and odd names, repeated names, and now and then raw pieces
    that are no proper encoding at all (``%zz``, ``&&``, latin-1 bytes)."""
    parts = [route.fixed] if route.fixed else []
    # Often one parameter alone: the API answers the first bad one and reads no further.
    size = draw(st.sampled_from([1, 1, 6]))
    for name, value in draw(st.lists(pairs(route), max_size=size)):
        parts.append(f"{encode(name)}={encode(value)}")
    if draw(st.booleans()):
        raw = st.text(alphabet=st.characters(max_codepoint=255, exclude_characters="#"))
        parts.insert(draw(st.integers(0, len(parts))), draw(raw.filter(lambda s: len(s) < 30)))
    return "&".join(parts)


def check(response, label):
    assert response.status_code in ALLOWED, f"{label}: {response.status_code}"
    if 400 <= response.status_code < 500:
        assert response.content.strip(), f"{label}: leere Antwort mit {response.status_code}"


def test_every_public_route_is_fuzzed(site_routes):
    assert sorted(ROUTE_NAMES) == sorted(site_routes)


@pytest.mark.parametrize("name", ROUTE_NAMES)
@settings(PROFILE)
@given(data=st.data())
def test_public_route_answers_every_query_without_server_error(site_routes, name, data):
    route = site_routes[name]
    query = data.draw(query_strings(route), label="query")
    response = get(route.path, query)
    COUNTER.requests[name] += 1
    check(response, f"GET {route.path}?{query}")


@pytest.mark.parametrize("name", FORM_ROUTES)
@settings(PROFILE)
@given(data=st.data())
def test_public_form_answers_every_submission_without_server_error(
    site_routes, no_minimum_form_time, name, data
):
    route = site_routes[name]
    fields = st.sampled_from(route.form_fields + ODD_NAMES)
    field_pairs = st.lists(st.tuples(fields, values(route)), max_size=12)
    if data.draw(st.booleans(), label="multipart"):
        # As a browser sends it, with files that are no image or PDF at all.
        body = {}
        for key, value in data.draw(field_pairs, label="fields"):
            if isinstance(key, str) and "\x00" not in key:
                text = value.decode("latin-1") if isinstance(value, bytes) else value
                body.setdefault(key, []).append(text.encode("utf-8", "surrogatepass"))
        for upload in data.draw(st.lists(st.sampled_from(["image", "pdf", "x"]), max_size=2)):
            content = data.draw(st.binary(max_size=200), label=upload)
            body[upload] = SimpleUploadedFile(f"{upload}.png", content)
        response = post(route.path, body)
    else:
        raw = "&".join(f"{encode(k)}={encode(v)}" for k, v in data.draw(field_pairs))
        response = post(route.path, raw, content_type="application/x-www-form-urlencoded")
    COUNTER.requests[name + " (POST)"] += 1
    check(response, f"POST {route.path}")


def client():
    # Exceptions reach the test with their traceback instead of a bare 500.
    return Client(raise_request_exception=True)


def get(path, query):
    # A savepoint per request: a database error must not spoil the requests after it.
    with transaction.atomic():
        return client().get(path, QUERY_STRING=query)


def post(path, *args, **kwargs):
    with transaction.atomic():
        return client().post(path, *args, **kwargs)
