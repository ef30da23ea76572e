"""Unknown query parameters cannot fill the page cache: the key holds only the parameters
the site reads, so ``?x=1``, ``?x=2`` … get the page stored without them. A page is never
served for parameter values it was not made for: what reads a parameter outside the known
ones is not stored at all."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.models import Page

from events.filters import EventFilter
from home.filters import NoticeFilter
from kupferstadt.page_cache import QUERY_PARAMETERS, AnonymousPageCacheMiddleware

from ..factories import NoticePageFactory, StandardPageFactory, TopicFactory

pytestmark = pytest.mark.usefixtures("page_cache")


def entries():
    return len(cache._cache)  # the local-memory cache of the tests


def html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_unknown_parameters_create_no_new_cache_entries(client, home):
    page = StandardPageFactory(parent=home, title="Sprechstunde")
    html(client, page.url)
    before = entries()
    for number in range(20):
        assert "Sprechstunde" in html(client, page.url, x=number, utm_source=f"n{number}")
    assert entries() == before


def test_unknown_parameters_get_the_page_stored_without_them(client, home):
    page = StandardPageFactory(parent=home, title="Sprechstunde")
    html(client, page.url)
    Page.objects.filter(pk=page.pk).update(title="Geändert ohne Signal")
    assert "Sprechstunde" in html(client, page.url, fbclid="abc")


def test_a_page_rendered_with_unknown_parameters_is_not_stored(client, home):
    """The language links repeat the address with all its parameters; a page made for
    ``?utm_source=…`` must not be served to everyone else."""
    html(client, "/de/suche/", q="Rathaus", utm_source="werbung")
    assert "werbung" not in html(client, "/de/suche/", q="Rathaus")


def test_known_parameters_keep_their_own_entries(client, pinnwand):
    familie, sport = TopicFactory(name="Familie"), TopicFactory(name="Sport")
    NoticePageFactory(parent=pinnwand, title="Elterncafé", topics=[familie])
    NoticePageFactory(parent=pinnwand, title="Lauftreff", topics=[sport])
    first = html(client, pinnwand.url, topic=familie.slug)
    second = html(client, pinnwand.url, topic=sport.slug)
    assert "Elterncafé" in first and "Lauftreff" not in first
    assert "Lauftreff" in second and "Elterncafé" not in second
    # Both come from the cache now, each with its own list.
    assert html(client, pinnwand.url, topic=familie.slug, x="1") == first


def test_filtered_listings_are_cached(client, pinnwand):
    topic = TopicFactory(name="Familie")
    notice = NoticePageFactory(parent=pinnwand, title="Elterncafé", topics=[topic])
    html(client, pinnwand.url, topic=topic.slug, page="1")
    Page.objects.filter(pk=notice.pk).update(title="Geändert ohne Signal")
    assert "Elterncafé" in html(client, pinnwand.url, page="1", topic=topic.slug)


def reading(name):
    def view(request):
        return HttpResponse(f"Wert: {request.GET.get(name)}")

    return AnonymousPageCacheMiddleware(view)


@pytest.mark.parametrize("name", ["geheim", "utm_source"])
def test_a_view_reading_an_unknown_parameter_is_never_served_wrong_values(name, home):
    middleware = reading(name)
    first = middleware(RequestFactory().get("/de/", {name: "1"}))
    second = middleware(RequestFactory().get("/de/", {name: "2"}))
    without = middleware(RequestFactory().get("/de/"))
    assert first.content.decode() == "Wert: 1"
    assert second.content.decode() == "Wert: 2"
    assert without.content.decode() == "Wert: None"


def test_a_view_reading_an_unknown_parameter_is_not_stored_even_without_it(home):
    """``/de/`` rendered without ``?geheim`` may not answer ``/de/?geheim=1`` later."""
    middleware = reading("geheim")
    assert middleware(RequestFactory().get("/de/")).content.decode() == "Wert: None"
    later = middleware(RequestFactory().get("/de/", {"geheim": "1"}))
    assert later.content.decode() == "Wert: 1"


def test_every_filter_of_the_listings_is_a_known_parameter():
    """A filter missing from the list would only make its pages uncached; keep it whole."""
    names = {"page", *NoticeFilter.base_filters, *EventFilter.base_filters}
    assert names <= QUERY_PARAMETERS


def test_the_untranslated_notice_is_cached_under_its_new_and_old_parameter():
    assert {"untranslated", "nicht-uebersetzt"} <= QUERY_PARAMETERS


def test_a_cached_page_with_parameters_still_costs_one_cache_round_trip(
    client, pinnwand, monkeypatch
):
    topic = TopicFactory(name="Familie")
    NoticePageFactory(parent=pinnwand, title="Elterncafé", topics=[topic])
    html(client, pinnwand.url, topic=topic.slug)
    calls = []

    class CountingCache:
        def __getattr__(self, name):
            calls.append(name)
            return getattr(cache, name)

    monkeypatch.setattr("kupferstadt.page_cache.cache", CountingCache())
    assert "Elterncafé" in html(client, pinnwand.url, topic=topic.slug, utm_source="x")
    assert calls == ["get_many"]
