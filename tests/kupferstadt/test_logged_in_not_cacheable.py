"""Answers to someone logged in, or with a session (a page password passed), may be
personal: they carry ``Cache-Control: private, no-store``, so no CDN or proxy keeps them
for the next visitor. Anonymous visitors' pages stay cacheable."""

import pytest
from wagtail.models import PageViewRestriction

from ..factories import StandardPageFactory


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part}


@pytest.fixture(params=["page cache off", "page cache on"])
def cache_setting(request):
    if request.param == "page cache on":
        request.getfixturevalue("page_cache")


@pytest.mark.usefixtures("cache_setting")
@pytest.mark.parametrize("url", ["/de/", "/de/suche/?q=Rathaus", "/de/gibt-es-nicht/", "/"])
def test_logged_in_answers_are_private_and_not_stored(admin_client, home, url):
    response = admin_client.get(url)
    assert {"private", "no-store"} <= cache_control(response), response.status_code
    assert "public" not in cache_control(response)


@pytest.mark.usefixtures("cache_setting")
def test_anonymous_pages_stay_cacheable(client, home):
    response = client.get("/de/")
    assert response.status_code == 200
    assert not {"private", "no-store"} & cache_control(response)


@pytest.mark.usefixtures("cache_setting")
def test_a_page_opened_with_its_password_is_private(client, home):
    page = StandardPageFactory(parent=home, title="Gremium")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="kupfer-2030"
    )
    opened = client.post(
        f"/de/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": "kupfer-2030", "return_url": page.url},
    )
    assert opened.status_code == 302
    assert {"private", "no-store"} <= cache_control(opened)
    response = client.get(page.url)
    assert "Gremium" in response.content.decode()
    assert {"private", "no-store"} <= cache_control(response)
