"""Listing notices with regular hours costs the same number of queries for 3 notices as for
30: the hours are read for the whole page of notices at once (board, home page, API)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories_hours import NoticeWithHoursFactory


def count_queries(client, url):
    # Warm per-process caches (site root paths, content types) and the site frame: the
    # first view keeps the page's route, the second the page itself (kupferstadt/routing.py).
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def add_notices(pinnwand, count):
    for _ in range(count):
        NoticeWithHoursFactory(parent=pinnwand)


@pytest.mark.parametrize("url_suffix", ["", "?page=1"])
def test_the_board_reads_the_hours_of_all_its_notices_at_once(
    client, pinnwand, settings, url_suffix
):
    settings.KUPFERSTADT_PAGE_SIZE = 50
    add_notices(pinnwand, 3)
    few = count_queries(client, pinnwand.url + url_suffix)
    add_notices(pinnwand, 27)
    assert "Mo–Do 9–12 Uhr" in client.get(pinnwand.url + url_suffix).text
    assert count_queries(client, pinnwand.url + url_suffix) == few


def test_the_home_page_reads_the_hours_at_once(client, home, pinnwand):
    add_notices(pinnwand, 1)
    few = count_queries(client, home.url)
    add_notices(pinnwand, 5)
    assert count_queries(client, home.url) == few


@pytest.mark.parametrize("fields", ["opening_hours", "*"])
def test_the_api_reads_the_hours_of_all_listed_notices_at_once(client, pinnwand, fields):
    url = f"/api/v2/pages/?type=home.NoticePage&fields={fields}"
    add_notices(pinnwand, 3)
    few = count_queries(client, url)
    add_notices(pinnwand, 27)
    assert count_queries(client, url) == few
