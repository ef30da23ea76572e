"""Berichte → Übersetzungsstand with thousands of pages: the database orders, pages and
counts, so a screen costs the same queries whatever the number of pages and whichever
kinds of rows it shows, and only the rows on the screen (or in the translators' panel)
are built."""

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kupferstadt import translation_rows
from kupferstadt.admin_views import TranslationStatusView
from kupferstadt.translation import synchronise_trees

from ..factories import NoticePageFactory, TopicFactory

URL = reverse("translation_status")


def grow(pinnwand, number):
    start = pinnwand.get_children().count()
    for n in range(start, start + number):
        NoticePageFactory(parent=pinnwand, title=f"Aushang {n:03}", slug=f"n{n}")
    synchronise_trees()


def measure(client, monkeypatch, **params):
    """Queries and rows built for one screen."""
    built = []

    def counted(*args, **kwargs):
        row = original(*args, **kwargs)
        built.append(row)
        return row

    original = translation_rows.Row
    client.get(URL, params)  # per-process caches (content types, site root paths) filled
    with monkeypatch.context() as patch:
        patch.setattr(translation_rows, "Row", counted)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(URL, params)
    assert response.status_code == 200
    return len(queries), len(built)


def test_a_screen_costs_the_same_with_three_times_the_pages(
    admin_client, pinnwand, languages, monkeypatch
):
    monkeypatch.setattr(TranslationStatusView, "rows_per_page", 5)
    TopicFactory(name="Familie")
    grow(pinnwand, 12)  # with the home page and the Pinnwand, three screens

    few = [measure(admin_client, monkeypatch, p=page) for page in (1, 2, 3)]
    grow(pinnwand, 24)
    many = [measure(admin_client, monkeypatch, p=page) for page in (1, 2, 3)]
    # The same queries on every screen, with the snippets on it or not; only the five
    # rows shown are built.
    assert {queries for queries, _built in few + many} == {few[0][0]}
    assert {built for _queries, built in few + many} == {5}


def test_the_translators_panel_builds_only_its_rows(client, translator, pinnwand, monkeypatch):
    grow(pinnwand, 15)
    client.force_login(translator)
    client.get("/admin/")
    built = []
    original = translation_rows.Row
    monkeypatch.setattr(
        translation_rows, "Row", lambda *a, **k: built.append(1) or original(*a, **k)
    )
    soup = BeautifulSoup(client.get("/admin/").text, "html.parser")
    assert len(soup.select("#wartet-auf-uebersetzung-section tbody tr")) == 10
    assert len(built) == 10
