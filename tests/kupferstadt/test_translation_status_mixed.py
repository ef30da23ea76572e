"""Berichte → Übersetzungsstand for a mix of every state: the rows, their order across
pages and snippets and across screens, the links and the overview per language."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from kupferstadt.admin_views import TranslationStatusView
from kupferstadt.demo.translations import translate
from kupferstadt.models import MachineTranslation, MachineTranslationState
from kupferstadt.translation import synchronise_trees

from ..factories import EventPageFactory, NoticePageFactory, TopicFactory

URL = reverse("translation_status")
ERROR = "DeepL antwortet nicht (HTTP 503)."


def published(parent, factory, title, slug, years_ago):
    page = factory(parent=parent, title=title, slug=slug)
    page.save_revision().publish()
    first = timezone.now() - datetime.timedelta(days=365 * years_ago)
    Page.objects.filter(pk=page.pk).update(first_published_at=first)
    return page


def machine(source, locale, state, page=None, error=""):
    MachineTranslation.objects.create(
        source=source, locale=locale, page=page, state=state, engine="dummy", error=error
    )


@pytest.fixture
def mixed(pinnwand, event_index, languages):
    """Pages and snippets in every state, in more than one language."""
    en, tr, ar = languages["en"], languages["tr"], languages["ar"]
    current = published(pinnwand, NoticePageFactory, "Aktuell", "aktuell", 7)
    outdated = published(pinnwand, NoticePageFactory, "Veraltet", "veraltet", 6)
    partly = published(event_index, EventPageFactory, "Halb übersetzt", "halb", 5)
    old = published(pinnwand, NoticePageFactory, "Alt", "alt", 4)
    drafted = published(pinnwand, NoticePageFactory, "Maschinenentwurf", "entwurf", 3)
    machine_live = published(event_index, EventPageFactory, "Maschinell live", "live", 2)
    failed = published(pinnwand, NoticePageFactory, "Fehlgeschlagen", "fehler", 1)
    draft = NoticePageFactory(parent=pinnwand, title="Deutscher Entwurf", slug="d", live=False)
    synchronise_trees()
    for locale in (en, tr):
        translate(current, locale, {"Aktuell": "Current", "aktuell": "current"})
    translate(outdated, en, {"Veraltet": "Outdated", "veraltet": "outdated"})
    outdated.title = "Veraltet, geändert"
    outdated.save_revision().publish()
    translate(partly, en, {"halb": "half"})
    translate(draft, tr, {"Deutscher Entwurf": "Taslak"})
    machine(drafted, en, MachineTranslationState.DRAFT, page=drafted.get_translation(en))
    turkish = translate(machine_live, tr, {"Maschinell live": "Makine"})
    machine(machine_live, tr, MachineTranslationState.PUBLISHED, page=turkish)
    machine(failed, ar, MachineTranslationState.FAILED, error=ERROR)
    machine(old, ar, MachineTranslationState.FAILED, error=ERROR)
    TopicFactory(name="Familie")
    done = TopicFactory(name="Arbeit")
    done.copy_for_translation(en).save()
    stale = TopicFactory(name="Bildung")
    stale.copy_for_translation(en).save()
    source, _created = TranslationSource.get_or_create_from_instance(stale)
    Translation.objects.create(source=source, target_locale=en, enabled=True)
    return {"draft": draft, "old": old, "failed": failed}


def screen(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    rows = []
    for tr in soup.select("#translation-status tbody tr"):
        cells = []
        for td in tr.select("td[data-language]"):
            link = td.a["href"] if td.a else ""
            kind = "edit" if "/edit/" in link else "submit" if "submit" in link else link
            note = "!" if "fehlgeschlagen" in td.text else ""
            cells.append(f"{td['data-language']}:{td['data-state']}:{kind}{note}")
        kind, section = (td.text for td in tr.select("td:not([data-language])"))
        rows.append((tr.th.text, kind, section, " ".join(cells)))
    summary = {
        tr["data-language"]: [int(td.text) for td in tr.select("td")]
        for tr in soup.select("#translation-summary tbody tr")
    }
    return rows, summary, soup


def everything(client, **params):
    rows, page = [], 1
    while True:
        shown, summary, soup = screen(client, p=page, **params)
        rows += shown
        if not soup.select_one(".pagination .next a[href]"):
            return rows, summary
        page += 1


def venues_unnamed(rows):
    """The venues' names count up across tests (factory sequences); their kind stays."""
    return [("Treffpunkt", *row[1:]) if row[1] == "Veranstaltungsort" else row for row in rows]


EVERYTHING = [
    (
        "Aktuell",
        "Aushang",
        "Pinnwand",
        "en:current:edit tr:current:edit ar:missing:submit uk:missing:submit",
    ),
    (
        "Halb übersetzt",
        "Veranstaltung",
        "Veranstaltungen",
        "en:outdated:edit tr:missing:submit ar:missing:submit uk:missing:submit",
    ),
    (
        "Alt",
        "Aushang",
        "Pinnwand",
        "en:missing:submit tr:missing:submit ar:missing:submit! uk:missing:submit",
    ),
    (
        "Maschinenentwurf",
        "Aushang",
        "Pinnwand",
        "en:machine:edit tr:missing:submit ar:missing:submit uk:missing:submit",
    ),
    (
        "Maschinell live",
        "Veranstaltung",
        "Veranstaltungen",
        "en:missing:submit tr:machine:edit ar:missing:submit uk:missing:submit",
    ),
    (
        "Fehlgeschlagen",
        "Aushang",
        "Pinnwand",
        "en:missing:submit tr:missing:submit ar:missing:submit! uk:missing:submit",
    ),
    (
        "Soziale Kupferstadt",
        "Startseite",
        "",
        "en:missing:submit tr:missing:submit ar:missing:submit uk:missing:submit",
    ),
    (
        "Veraltet, geändert",
        "Aushang",
        "Pinnwand",
        "en:outdated:edit tr:missing:submit ar:missing:submit uk:missing:submit",
    ),
    (
        "Pinnwand",
        "Pinnwand",
        "Pinnwand",
        "en:missing:submit tr:missing:submit ar:missing:submit uk:missing:submit",
    ),
    (
        "Veranstaltungen",
        "Veranstaltungsübersicht",
        "Veranstaltungen",
        "en:missing:submit tr:missing:submit ar:missing:submit uk:missing:submit",
    ),
    (
        "Arbeit",
        "Thema",
        "Stammdaten",
        "en:current:edit tr:missing:submit ar:missing:submit uk:missing:submit",
    ),
    (
        "Bildung",
        "Thema",
        "Stammdaten",
        "en:outdated:edit tr:missing:submit ar:missing:submit uk:missing:submit",
    ),
    (
        "Familie",
        "Thema",
        "Stammdaten",
        "en:missing:submit tr:missing:submit ar:missing:submit uk:missing:submit",
    ),
    (
        "Treffpunkt",
        "Veranstaltungsort",
        "Stammdaten",
        "en:missing:submit tr:missing:submit ar:missing:submit uk:missing:submit",
    ),
    (
        "Treffpunkt",
        "Veranstaltungsort",
        "Stammdaten",
        "en:missing:submit tr:missing:submit ar:missing:submit uk:missing:submit",
    ),
    (
        "Deutscher Entwurf",
        "Aushang",
        "Pinnwand",
        "en:missing:submit tr:outdated:edit ar:missing:submit uk:missing:submit",
    ),
]


def test_every_row_state_link_and_count_across_screens(admin_client, mixed, monkeypatch):
    # Four rows a screen: screens end inside the pages and inside the snippets.
    monkeypatch.setattr(TranslationStatusView, "rows_per_page", 4)
    rows, summary = everything(admin_client)
    assert venues_unnamed(rows) == EVERYTHING
    # missing, maschinell, veraltet, aktuell
    assert summary == {
        "en": [10, 1, 3, 2],
        "tr": [13, 1, 1, 1],
        "ar": [16, 0, 0, 0],
        "uk": [16, 0, 0, 0],
    }


def test_one_language_orders_by_its_own_states(admin_client, mixed, monkeypatch):
    monkeypatch.setattr(TranslationStatusView, "rows_per_page", 5)
    rows, summary = everything(admin_client, language="en")
    assert [row[0] for row in venues_unnamed(rows)] == [
        "Alt",
        "Maschinenentwurf",
        "Maschinell live",
        "Fehlgeschlagen",
        "Soziale Kupferstadt",
        "Pinnwand",
        "Veranstaltungen",
        "Familie",
        "Treffpunkt",
        "Treffpunkt",
        "Halb übersetzt",
        "Veraltet, geändert",
        "Bildung",
        "Deutscher Entwurf",
        "Aktuell",
        "Arbeit",
    ]
    assert summary == {"en": [10, 1, 3, 2]}


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        (
            {"state": "outdated"},
            ["Halb übersetzt", "Veraltet, geändert", "Bildung", "Deutscher Entwurf"],
        ),
        ({"state": "machine"}, ["Maschinenentwurf", "Maschinell live"]),
        ({"state": "current", "language": "en"}, ["Aktuell", "Arbeit"]),
        ({"section": "stammdaten", "state": "outdated"}, ["Bildung"]),
    ],
)
def test_filtered_rows_keep_the_order(admin_client, mixed, params, titles):
    rows, summary = everything(admin_client, **params)
    assert [row[0] for row in rows] == titles
    # The overview counts the section's rows, whatever their state.
    assert summary["en"] == ([3, 0, 1, 1] if "section" in params else [10, 1, 3, 2])


def test_section_counts_only_its_pages(admin_client, mixed, event_index):
    rows, summary = everything(admin_client, section=str(event_index.pk))
    assert [row[0] for row in rows] == ["Halb übersetzt", "Maschinell live", "Veranstaltungen"]
    assert summary == {
        "en": [2, 0, 1, 0],
        "tr": [2, 1, 0, 0],
        "ar": [3, 0, 0, 0],
        "uk": [3, 0, 0, 0],
    }


def test_the_translators_panel_counts_what_waits(client, translator, mixed):
    client.force_login(translator)
    soup = BeautifulSoup(client.get("/admin/").text, "html.parser")
    panel = soup.select_one("#wartet-auf-uebersetzung-section")
    assert [row.th.text for row in panel.select("tbody tr")][:4] == [
        "Alt",
        "Maschinenentwurf",
        "Maschinell live",
        "Fehlgeschlagen",
    ]
    assert len(panel.select("tbody tr")) == 10
    assert "All 13 entries waiting" in panel.select("a")[-1].text
