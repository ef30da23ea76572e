"""Bad input from a partner's server never costs what was imported: the feed gets a clear
German error, other feeds go on, and the network guard refuses internal addresses."""

import pytest
from django.contrib.auth.models import Group

from home.feed_import import fetch
from home.feed_import.fetch import FeedError, check_url
from home.feed_import.sync import import_due_feeds, import_feed
from home.models import NoticePage
from home.roles import APPROVERS

from ..factories import PartnerFeedFactory
from . import feed_samples
from .feed_server import endless, slow, truncated


@pytest.fixture
def approver(django_user_model, pinnwand):
    user = django_user_model.objects.create_user("freigabe", "freigabe@stolberg.example", "x")
    user.groups.add(Group.objects.get(name=APPROVERS))
    return user


@pytest.fixture
def imported(feeds, pinnwand, approver):
    """A feed imported once (two drafts), whose server then answers badly."""
    feed = PartnerFeedFactory(url=feeds.serve("/feed", feed_samples.rss()), allow_http=True)
    import_feed(feed)
    feed.refresh_from_db()
    return feed


def drafts():
    return {n.pk: (n.title, n.latest_revision_id) for n in NoticePage.objects.all()}


def redirect_to(location):
    def handle(handler):
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return handle


HOSTILE = {
    "server error": (dict(body=b"Internal Server Error", status=500), "Fehler 500"),
    "html page": (dict(body=feed_samples.HTML_PAGE), "Webseite, kein Feed"),
    "truncated xml": (dict(body=feed_samples.rss()[:400]), "kein gültiges XML"),
    "truncated ical": (dict(body=feed_samples.ical()[:600]), "unvollständig"),
    "truncated transfer": (dict(handler=truncated(feed_samples.rss())), "unvollständig an"),
    "invalid date": (
        dict(body=feed_samples.ical().replace(b"DTSTART;VALUE=DATE:", b"DTSTART;VALUE=DATE:9")),
        "ungültige Angaben",
    ),
    "billion laughs": (dict(body=feed_samples.BILLION_LAUGHS), "unzulässige XML-Anweisungen"),
    "external entity": (dict(body=feed_samples.XXE), "unzulässige XML-Anweisungen"),
    "50 MB": (dict(handler=endless), "größer als"),
    "redirect loop": (dict(handler=redirect_to("/feed")), "im Kreis"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_bad_answer_gives_a_german_error_and_touches_nothing(feeds, imported, case, settings):
    settings.KUPFERSTADT_FEEDS_MAX_BYTES = 5 * 1024 * 1024
    before = drafts()
    route, expected = HOSTILE[case]
    feeds.serve("/feed", **route)

    assert import_feed(imported) is None

    imported.refresh_from_db()
    assert expected in imported.last_error
    assert drafts() == before
    assert imported.count_new == 2  # the result of the last good run stays
    assert not imported.items.exclude(state="active").exists()


def test_timeout_gives_a_german_error(feeds, imported, settings):
    settings.KUPFERSTADT_FEEDS_TIMEOUT = 0.5
    feeds.serve("/feed", handler=slow(2))
    assert import_feed(imported) is None
    imported.refresh_from_db()
    assert "nicht rechtzeitig geantwortet" in imported.last_error


def test_unreachable_feed_gives_a_german_error(imported):
    imported.url = "http://127.0.0.1:9/feed"
    imported.save()
    assert import_feed(imported) is None
    assert "nicht erreichbar" in imported.last_error


def test_one_bad_feed_does_not_stop_the_others(feeds, imported, pinnwand):
    feeds.serve("/feed", body=b"", status=500)
    good = PartnerFeedFactory(url=feeds.serve("/vhs", feed_samples.atom()), allow_http=True)
    imported.last_fetched_at = None
    imported.save()

    results = import_due_feeds()

    assert results[imported] is None and results[good]["new"] == 1
    good.refresh_from_db()
    assert good.last_error == ""


def test_a_good_run_clears_the_last_error(feeds, imported):
    feeds.serve("/feed", body=b"", status=500)
    import_feed(imported)
    feeds.serve("/feed", body=feed_samples.rss())
    import_feed(imported)
    imported.refresh_from_db()
    assert imported.last_error == ""


@pytest.mark.parametrize(
    "url",
    [
        "http://10.0.0.1/feed.xml",
        "http://192.168.178.1/feed.xml",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/feed.xml",
        "http://[::ffff:10.0.0.1]/feed.xml",
        "http://0.0.0.0/feed.xml",
        "http://172.16.0.5/feed.xml",
    ],
)
def test_network_guard_refuses_internal_addresses(url, settings):
    settings.KUPFERSTADT_FEEDS_ALLOW_LOOPBACK = False  # as in production
    with pytest.raises(FeedError, match="internes Netz"):
        check_url(url, allow_http=True)


def test_network_guard_refuses_loopback_unless_allowed(settings):
    settings.KUPFERSTADT_FEEDS_ALLOW_LOOPBACK = False
    with pytest.raises(FeedError, match="internes Netz"):
        check_url("http://127.0.0.1:8000/feed.xml", allow_http=True)
    with pytest.raises(FeedError, match="internes Netz"):
        check_url("http://localhost/feed.xml", allow_http=True)
    settings.KUPFERSTADT_FEEDS_ALLOW_LOOPBACK = True  # the tests' local server
    check_url("http://127.0.0.1:8000/feed.xml", allow_http=True)


def test_network_guard_refuses_other_schemes_and_unconfirmed_http():
    for url in ("file:///etc/passwd", "ftp://example.org/feed", "gopher://x/"):
        with pytest.raises(FeedError, match="nur https"):
            check_url(url, allow_http=True)
    with pytest.raises(FeedError, match="unverschlüsselt"):
        check_url("http://127.0.0.1/feed.xml", allow_http=False)


def test_redirect_into_the_internal_network_is_refused(feeds, imported):
    feeds.serve("/feed", handler=redirect_to("http://169.254.169.254/latest/meta-data/"))
    assert import_feed(imported) is None
    assert "internes Netz" in imported.last_error


def test_connection_that_lands_on_an_internal_address_is_refused(imported, monkeypatch):
    """The name resolved to an allowed address when checked, the connection went to an
    internal one (DNS rebinding): refused before a byte of the answer is read."""
    checked = []

    def allowed_when_resolved_refused_when_connected(ip):
        checked.append(ip)
        return "private" if len(checked) > 1 else None

    monkeypatch.setattr(fetch, "_refused_address", allowed_when_resolved_refused_when_connected)
    assert import_feed(imported) is None
    assert "internes Netz (127.0.0.1)" in imported.last_error
    assert len(checked) == 2
