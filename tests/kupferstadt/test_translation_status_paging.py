"""Berichte → Übersetzungsstand with many pages: one screen of rows at a time in the
report's order, Wagtail's page navigation keeping the filters, the overview per language
counting every row, and the same queries on every screen."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kupferstadt.admin_views import TranslationStatusView
from kupferstadt.translation import synchronise_trees

from ..factories import NoticePageFactory

URL = reverse("translation_status")


@pytest.fixture
def many(pinnwand, languages, monkeypatch):
    monkeypatch.setattr(TranslationStatusView, "rows_per_page", 4)
    for number in range(10):
        NoticePageFactory(parent=pinnwand, title=f"Aushang {number:02}", slug=f"a{number}")
    synchronise_trees()


def get(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser"), len(queries.captured_queries)


def titles(soup):
    return [row.th.text for row in soup.select("#translation-status tbody tr")]


def test_rows_come_one_screen_at_a_time_in_the_reports_order(admin_client, many):
    everything = []
    page = 1
    while True:
        soup, _queries = get(admin_client, p=page)
        shown = titles(soup)
        assert 0 < len(shown) <= 4
        everything += shown
        if not soup.select_one(".pagination .next a[href]"):
            break
        page += 1
    # The German home page, the Pinnwand and the ten notices, each exactly once.
    assert sorted(t for t in everything if t.startswith("Aushang")) == [
        f"Aushang {number:02}" for number in range(10)
    ]
    assert len(everything) == len(set(everything))
    assert page == 3  # twelve rows, four per screen


def test_overview_counts_every_row_not_only_the_screen(admin_client, many):
    soup, _queries = get(admin_client, language="en")
    english = soup.select_one('#translation-summary tr[data-language="en"]')
    missing = english.select_one('td[data-state="missing"]')
    assert int(missing.text) >= 10
    assert len(titles(soup)) == 4


def test_page_links_keep_the_filters(admin_client, many):
    soup, _queries = get(admin_client, language="en", state="missing")
    link = soup.select_one(".pagination .next a")["href"]
    assert "language=en" in link
    assert "state=missing" in link
    assert "p=2" in link


def test_every_screen_costs_the_same_queries(admin_client, many):
    get(admin_client, p=1)  # per-process caches (content types, site root paths) filled
    _soup, second = get(admin_client, p=2)
    _soup, first_again = get(admin_client, p=1)
    assert first_again == second


@pytest.mark.parametrize("value", ["0", "-1", "999", "zwei", "1e9", "%00"])
def test_a_bad_page_number_shows_a_screen_not_an_error(admin_client, many, value):
    soup, _queries = get(admin_client, p=value)
    assert titles(soup)
