"""A notice whose first day ("Aushang ab") lies ahead is found nowhere before that day:
its address and print view answer 404, and neither the board, the sitemap, the feeds,
the API nor the search list it. On its first day it is there; editors see it beforehand
in Wagtail's preview."""

import datetime

import pytest
import time_machine
from django.utils import timezone

from ..factories import NoticePageFactory

TOMORROW = datetime.timedelta(days=1)


@pytest.fixture
def notice(pinnwand):
    return NoticePageFactory(
        parent=pinnwand,
        title="Sommerfest Vorankündigung",
        valid_from=timezone.localdate() + TOMORROW,
    )


def test_its_address_answers_404_before_the_first_day(client, notice):
    assert client.get(notice.url).status_code == 404


def test_its_print_view_answers_404_before_the_first_day(client, notice):
    assert client.get(notice.url + "druckansicht/").status_code == 404


def test_logged_in_editors_get_404_too_but_see_it_in_the_preview(admin_client, notice):
    assert admin_client.get(notice.url).status_code == 404
    preview = admin_client.get(f"/admin/pages/{notice.pk}/view_draft/")
    assert preview.status_code == 200
    assert "Sommerfest Vorankündigung" in preview.content.decode()


def test_the_sitemap_leaves_it_out(client, notice, pinnwand):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert pinnwand.full_url in sitemap
    assert notice.full_url not in sitemap


def test_board_feeds_api_and_search_leave_it_out(client, notice, pinnwand):
    for url in (pinnwand.url, pinnwand.url + "rss/", pinnwand.url + "atom/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Sommerfest" not in response.content.decode(), url
    api = client.get("/api/v2/pages/", {"type": "home.NoticePage"}).json()
    assert notice.pk not in [item["id"] for item in api["items"]]
    assert client.get(f"/api/v2/pages/{notice.pk}/", follow=True).status_code == 404
    search = client.get("/de/suche/", {"q": "Sommerfest"}).content.decode()
    assert notice.url not in search
    suggestions = client.get("/de/suche/vorschlaege/", {"q": "Sommerfest"}).json()
    assert suggestions["suggestions"] == []


def test_on_its_first_day_it_is_there(client, notice):
    with time_machine.travel(timezone.now() + TOMORROW):
        assert client.get(notice.url).status_code == 200
        assert client.get(notice.url + "druckansicht/").status_code == 200
        assert notice.full_url in client.get("/sitemap.xml").content.decode()
