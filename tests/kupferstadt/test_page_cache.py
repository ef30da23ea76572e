"""Anonymous visitors get pages from the cache; publishing, unpublishing, moving, a change
of privacy or of a snippet makes the very next request show the new state, and logged-in
editors always see fresh pages."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Page, PageViewRestriction

from kupferstadt.page_cache import GENERATION_KEY, cache_key

from ..factories import NoticePageFactory, StandardPageFactory, TopicFactory

pytestmark = pytest.mark.usefixtures("page_cache")


def change_behind_wagtails_back(page, title):
    """A change no signal reports: only the cache can explain an old title."""
    Page.objects.filter(pk=page.pk).update(title=title)


def html(client, url):
    return client.get(url).content.decode()


def test_second_anonymous_visit_comes_from_the_cache(client, home):
    page = StandardPageFactory(parent=home, title="Sprechstunde")
    assert "Sprechstunde" in html(client, page.url)
    change_behind_wagtails_back(page, "Geändert")
    assert "Sprechstunde" in html(client, page.url)


def test_publishing_shows_the_new_version_at_once(client, home):
    page = StandardPageFactory(parent=home, title="Sprechstunde")
    html(client, page.url)
    page.title = "Sprechstunde am Montag"
    page.save_revision().publish()
    assert "Sprechstunde am Montag" in html(client, page.url)


def test_listings_follow_a_publish(client, pinnwand):
    notice = NoticePageFactory(parent=pinnwand, title="Elterncafé")
    assert "Elterncafé" in html(client, pinnwand.url)
    notice.title = "Elterncafé im Rathaus"
    notice.save_revision().publish()
    assert "Elterncafé im Rathaus" in html(client, pinnwand.url)


def test_unpublished_page_is_gone_at_once(client, home):
    page = StandardPageFactory(parent=home, title="Sprechstunde")
    assert client.get(page.url).status_code == 200
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_moved_page_is_served_at_its_new_address(client, home):
    section = StandardPageFactory(parent=home, title="Bereich")
    page = StandardPageFactory(parent=home, title="Sprechstunde")
    old_url = page.url
    assert client.get(old_url).status_code == 200
    page.move(section, pos="last-child")
    page.refresh_from_db()
    # Wagtail's automatic redirect, not the cached page at the old address.
    response = client.get(old_url)
    assert response.status_code == 301 and response["Location"] == page.url
    assert "Sprechstunde" in html(client, page.url)


def test_page_made_private_is_not_served_from_the_cache(client, home):
    page = StandardPageFactory(parent=home, title="Sprechstunde")
    assert client.get(page.url).status_code == 200
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(page.url).status_code == 302


def test_renamed_topic_shows_on_cached_pages(client, pinnwand):
    topic = TopicFactory(name="Familie")
    notice = NoticePageFactory(parent=pinnwand, title="Elterncafé", topics=[topic])
    assert "Familie" in html(client, notice.url)
    topic.name = "Familien und Kinder"
    topic.save()
    assert "Familien und Kinder" in html(client, notice.url)


def test_editors_always_see_fresh_pages(admin_client, client, home):
    page = StandardPageFactory(parent=home, title="Sprechstunde")
    html(client, page.url)
    html(admin_client, page.url)
    change_behind_wagtails_back(page, "Geändert")
    assert "Geändert" in html(admin_client, page.url)


def test_pages_with_a_form_are_not_cached(client, home):
    page = StandardPageFactory(parent=home, title="Gremium")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="kupfer"
    )
    assert 'name="password"' in html(client, page.url)
    # Removed without a signal: a cached password form would still show.
    PageViewRestriction.objects.filter(pk=restriction.pk).delete()
    assert 'name="password"' not in html(client, page.url)


def test_cache_is_varied_by_language():
    """Addresses without a language prefix (the sitemap, say) follow the browser's
    language, as the locale middleware does."""
    german = cache_key(RequestFactory().get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="de"))
    english = cache_key(RequestFactory().get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en"))
    assert german != english
    with translation.override("en"):
        assert cache_key(RequestFactory().get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="de")) == german


def test_cached_page_keeps_the_headers_of_the_first_answer(client, home):
    page = StandardPageFactory(parent=home, title="Sprechstunde")
    first = client.get(page.url)
    change_behind_wagtails_back(page, "Geändert")
    second = client.get(page.url)
    assert "Sprechstunde" in second.content.decode()
    for header in ("Content-Security-Policy", "Permissions-Policy", "Content-Language", "Vary"):
        assert second[header] == first[header], header


def test_page_expired_by_schedule_is_gone_at_once(client, home):
    page = StandardPageFactory(parent=home, title="Sprechstunde")
    assert client.get(page.url).status_code == 200
    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(minutes=1))
    call_command("publish_scheduled")
    assert client.get(page.url).status_code == 404


def test_lost_generation_never_brings_back_old_pages(client, home):
    page = StandardPageFactory(parent=home, title="Sprechstunde")
    html(client, page.url)
    page.title = "Sprechstunde am Montag"
    page.save_revision().publish()
    html(client, page.url)
    # Redis evicted the generation number (memory full) and a stale entry survived.
    cache.delete(GENERATION_KEY)
    change_behind_wagtails_back(page, "Sprechstunde am Dienstag")
    assert "Sprechstunde am Dienstag" in html(client, page.url)


def test_a_cached_page_costs_one_cache_round_trip(client, home, monkeypatch):
    """The generation and the page come in one request to the cache (one MGET on Redis)
    of two keys: not the site frame, which only a page being rendered needs; no database
    query, no session."""
    page = StandardPageFactory(parent=home, title="Sprechstunde")
    html(client, page.url)
    calls = []
    keys = []

    class CountingCache:
        def __getattr__(self, name):
            calls.append(name)
            return getattr(cache, name)

        def get_many(self, wanted):
            calls.append("get_many")
            keys.append(list(wanted))
            return cache.get_many(wanted)

    monkeypatch.setattr("kupferstadt.page_cache.cache", CountingCache())
    with CaptureQueriesContext(connection) as queries:
        assert "Sprechstunde" in html(client, page.url)
    assert calls == ["get_many"]
    assert len(keys[0]) == 2 and GENERATION_KEY in keys[0]
    assert len(queries) == 0
