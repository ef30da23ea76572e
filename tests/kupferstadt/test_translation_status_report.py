"""Berichte → Übersetzungsstand: for every German page and snippet and every language,
whether the translation is missing, out of date or current, with counts per language,
links to translate and filters by language and section."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kupferstadt.demo.translations import translate
from kupferstadt.translation import synchronise_trees

from ..factories import EventPageFactory, NoticePageFactory, TopicFactory

URL = reverse("translation_status")


@pytest.fixture
def pages(event_index, pinnwand, languages):
    current = EventPageFactory(parent=event_index, title="Forum", slug="forum")
    outdated = EventPageFactory(parent=event_index, title="Sommerfest", slug="sommerfest")
    missing = NoticePageFactory(parent=pinnwand, title="Sprachcafé", slug="sprachcafe")
    for page in (current, outdated, missing):
        page.save_revision().publish()
    synchronise_trees()
    translate(current, languages["en"], {"Forum": "Forum (en)", "forum": "forum"})
    translate(outdated, languages["en"], {"Sommerfest": "Summer fête", "sommerfest": "summer"})
    outdated.title = "Sommerfest im Park"
    outdated.save_revision().publish()
    return {"current": current, "outdated": outdated, "missing": missing}


def report(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser")


def states(soup, title, code):
    row = next(r for r in soup.select("#translation-status tbody tr") if r.th.text == title)
    cell = row.select_one(f'td[data-language="{code}"]')
    return cell["data-state"], cell.a["href"] if cell.a else None


def test_report_shows_the_three_states(admin_client, pages):
    soup = report(admin_client)
    state, link = states(soup, "Forum", "en")
    assert state == "current"
    assert "/admin/pages/" in link
    assert states(soup, "Sommerfest im Park", "en")[0] == "outdated"
    state, link = states(soup, "Sprachcafé", "en")
    assert state == "missing"
    assert link == (
        reverse("wagtail_localize:submit_page_translation", args=[pages["missing"].pk])
        + "?select_locale=en"
    )
    assert states(soup, "Forum", "tr")[0] == "missing"
    assert "fehlt" in soup.select_one('td[data-language="tr"]').text


def test_report_counts_per_language(admin_client, pages):
    soup = report(admin_client)
    english = soup.select_one('#translation-summary tr[data-language="en"]')
    turkish = soup.select_one('#translation-summary tr[data-language="tr"]')
    assert english.select_one('[data-state="current"]').text == "1"
    assert english.select_one('[data-state="outdated"]').text == "1"
    assert int(english.select_one('[data-state="missing"]').text) >= 2
    assert turkish.select_one('[data-state="current"]').text == "0"


def test_report_filters_by_language_section_and_state(admin_client, pages, event_index):
    soup = report(admin_client, language="en", section=str(event_index.pk), state="outdated")
    titles = [row.th.text for row in soup.select("#translation-status tbody tr")]
    assert titles == ["Sommerfest im Park"]
    assert not soup.select('td[data-language="tr"]')
    assert soup.select_one('select[name="language"] option[selected]')["value"] == "en"
    assert soup.select_one('select[name="state"] option[selected]')["value"] == "outdated"


def test_report_still_understands_the_old_german_parameters(admin_client, pages, event_index):
    soup = report(admin_client, sprache="en", bereich=str(event_index.pk), stand="outdated")
    titles = [row.th.text for row in soup.select("#translation-status tbody tr")]
    assert titles == ["Sommerfest im Park"]
    assert not soup.select('td[data-language="tr"]')


def test_report_lists_snippets(admin_client, languages):
    TopicFactory(name="Familie")
    soup = report(admin_client, section="stammdaten")
    assert states(soup, "Familie", "en")[0] == "missing"


def test_unknown_filter_values_show_everything(admin_client, pages):
    soup = report(admin_client, language="xx", section="999999", state="kaputt")
    assert soup.select("#translation-status")


def test_report_needs_a_fixed_number_of_queries(admin_client, pages, pinnwand):
    admin_client.get(URL)
    with CaptureQueriesContext(connection) as few:
        report(admin_client)
    for n in range(5):
        NoticePageFactory(parent=pinnwand, title=f"Aushang {n}").save_revision().publish()
    with CaptureQueriesContext(connection) as many:
        report(admin_client)
    assert len(many) == len(few)


def test_translator_sees_only_their_language(client, translator, pages):
    client.force_login(translator)
    soup = report(client)
    assert soup.select('td[data-language="en"]')
    assert not soup.select('td[data-language="tr"]')
