"""Berichte → Übersetzungsstand shows what the machine translator did: "maschinell" for a
machine-made translation nobody has read yet (a draft waiting in the translation editor
or published with the mark), and the engine's error as a visible note where it failed."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kupferstadt.demo.translations import translate
from kupferstadt.models import MachineTranslation, MachineTranslationState
from kupferstadt.translation import synchronise_trees

from ..factories import NoticePageFactory

URL = reverse("translation_status")
ERROR = "DeepL antwortet nicht (HTTP 503). Bitte später erneut versuchen."


@pytest.fixture
def notices(pinnwand, languages):
    pages = {
        title: NoticePageFactory(parent=pinnwand, title=title, slug=slug)
        for title, slug in [
            ("Sprachcafé", "sprachcafe"),
            ("Kleiderkammer", "kleiderkammer"),
            ("Repair-Café", "repair-cafe"),
        ]
    }
    for page in pages.values():
        page.save_revision().publish()
    synchronise_trees()
    return pages


def machine(source, locale, state, page=None, error=""):
    return MachineTranslation.objects.create(
        source=source, locale=locale, page=page, state=state, engine="dummy", error=error
    )


def cell(client, title, code, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    row = next(r for r in soup.select("#translation-status tbody tr") if r.th.text == title)
    return row.select_one(f'td[data-language="{code}"]')


def summary(client, code):
    soup = BeautifulSoup(client.get(URL).text, "html.parser")
    row = soup.select_one(f'#translation-summary tr[data-language="{code}"]')
    return {td["data-state"]: int(td.text) for td in row.select("td")}


def test_a_machine_draft_waiting_for_review_is_maschinell(admin_client, notices, languages):
    german = notices["Sprachcafé"]
    alias = german.get_translation(languages["ar"])
    machine(german, languages["ar"], MachineTranslationState.DRAFT, page=alias)
    found = cell(admin_client, "Sprachcafé", "ar")
    assert found["data-state"] == "machine"
    assert "maschinell" in found.text
    assert "Entwurf wartet auf Durchsicht" in found.text
    # The translator opens it where the draft waits.
    assert found.a["href"] == reverse("wagtailadmin_pages:edit", args=[alias.pk])
    assert found.a.text == "bearbeiten"


def test_a_published_machine_translation_is_maschinell(admin_client, notices, languages):
    german = notices["Kleiderkammer"]
    turkish = translate(german, languages["tr"], {"Kleiderkammer": "Giysi odası"})
    machine(german, languages["tr"], MachineTranslationState.PUBLISHED, page=turkish)
    found = cell(admin_client, "Kleiderkammer", "tr")
    assert found["data-state"] == "machine"
    assert "maschinell übersetzt veröffentlicht" in found.text
    assert found.a["href"] == reverse("wagtailadmin_pages:edit", args=[turkish.pk])


def test_summary_counts_machine_translations(admin_client, notices, languages):
    before = summary(admin_client, "tr")
    assert before["machine"] == 0
    german = notices["Kleiderkammer"]
    turkish = translate(german, languages["tr"], {"Kleiderkammer": "Giysi odası"})
    machine(german, languages["tr"], MachineTranslationState.PUBLISHED, page=turkish)
    machine(notices["Sprachcafé"], languages["tr"], MachineTranslationState.DRAFT)
    after = summary(admin_client, "tr")
    assert after["machine"] == 2
    assert after["missing"] == before["missing"] - 2
    assert after["current"] == before["current"]


def test_filter_by_state_maschinell(admin_client, notices, languages):
    machine(notices["Sprachcafé"], languages["uk"], MachineTranslationState.DRAFT)
    soup = BeautifulSoup(admin_client.get(URL, {"state": "machine"}).text, "html.parser")
    assert [row.th.text for row in soup.select("#translation-status tbody tr")] == ["Sprachcafé"]
    assert soup.select_one('select[name="state"] option[selected]').text == "maschinell"


def test_a_failed_machine_translation_shows_its_error(admin_client, notices, languages):
    machine(notices["Repair-Café"], languages["ar"], MachineTranslationState.FAILED, error=ERROR)
    found = cell(admin_client, "Repair-Café", "ar")
    # Nothing was translated: the translation is still missing, and the note says why.
    assert found["data-state"] == "missing"
    assert f"Maschinelle Übersetzung fehlgeschlagen: {ERROR}" in " ".join(found.text.split())
    assert found.a.text == "übersetzen"
    # Only where it failed.
    assert "fehlgeschlagen" not in cell(admin_client, "Repair-Café", "tr").text
    assert "fehlgeschlagen" not in cell(admin_client, "Sprachcafé", "ar").text


def test_machine_translations_cost_no_extra_query_per_page(admin_client, notices, languages):
    admin_client.get(URL)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(URL)
    for title, page in notices.items():
        machine(page, languages["tr"], MachineTranslationState.DRAFT)
        machine(page, languages["ar"], MachineTranslationState.FAILED, error=f"{title}: Fehler")
    with CaptureQueriesContext(connection) as many:
        response = admin_client.get(URL)
    assert response.text.count('data-state="machine"') >= len(notices)
    assert len(many) == len(few)
