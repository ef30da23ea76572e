"""A translator's start page lists what waits for them in their language, in the order of
the Übersetzungsstand (live German content without human translation first, the longest
published first), and leads to the whole report; nobody else gets the panel."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from home.roles import EDITORS
from kupferstadt.demo.translations import translate
from kupferstadt.models import MachineTranslation, MachineTranslationState
from kupferstadt.translation import synchronise_trees
from tests.utils import visible_text

from ..factories import NoticePageFactory

PANEL = "#wartet-auf-uebersetzung-section"


def published(pinnwand, title, slug, years_ago):
    page = NoticePageFactory(parent=pinnwand, title=title, slug=slug)
    page.save_revision().publish()
    first = timezone.now() - datetime.timedelta(days=365 * years_ago)
    Page.objects.filter(pk=page.pk).update(first_published_at=first)
    return page


@pytest.fixture
def notices(pinnwand, languages):
    done = published(pinnwand, "Schon übersetzt", "schon", 5)
    old = published(pinnwand, "Lange unübersetzt", "lange", 3)
    new = published(pinnwand, "Gerade erschienen", "gerade", 0)
    machine = published(pinnwand, "Vom Dienst übersetzt", "dienst", 1)
    NoticePageFactory(parent=pinnwand, title="Noch ein Entwurf", live=False)
    synchronise_trees()
    translate(done, languages["en"], {"Schon übersetzt": "Translated", "schon": "done"})
    MachineTranslation.objects.create(
        source=machine, locale=languages["en"], state=MachineTranslationState.DRAFT
    )
    MachineTranslation.objects.create(
        source=old,
        locale=languages["en"],
        state=MachineTranslationState.FAILED,
        error="LibreTranslate ist nicht erreichbar.",
    )
    return {"done": done, "old": old, "new": new, "machine": machine}


def start_page(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser").select_one(PANEL)


def test_translator_sees_what_waits_oldest_first(client, translator, notices):
    panel = start_page(client, translator)
    # The English translator's admin speaks English.
    assert "Waiting for translation" in visible_text(str(panel))
    titles = [row.th.text for row in panel.select("tbody tr")]
    expected = ["Lange unübersetzt", "Vom Dienst übersetzt", "Gerade erschienen"]
    assert [title for title in titles if title in expected] == expected
    # Done and unpublished German content does not wait for anybody.
    assert "Schon übersetzt" not in titles
    assert "Noch ein Entwurf" not in titles
    # The German titles are marked as German in the translator's admin.
    assert {row.th["lang"] for row in panel.select("tbody tr")} == {"de"}


def test_panel_shows_states_links_and_failures_of_their_language_only(client, translator, notices):
    panel = start_page(client, translator)
    assert not panel.select('td[data-language="tr"]')
    row = next(r for r in panel.select("tbody tr") if r.th.text == "Vom Dienst übersetzt")
    cell = row.select_one('td[data-language="en"]')
    assert cell["data-state"] == "machine" and "machine" in cell.text
    row = next(r for r in panel.select("tbody tr") if r.th.text == "Lange unübersetzt")
    cell = row.select_one('td[data-language="en"]')
    assert "LibreTranslate ist nicht erreichbar." in cell.text
    assert cell.a["href"] == (
        reverse("wagtail_localize:submit_page_translation", args=[notices["old"].pk])
        + "?select_locale=en"
    )
    more = panel.select("a")[-1]
    assert more["href"] == reverse("translation_status")
    assert re.search(r"All \d+ entries waiting in the translation status", more.text)


def test_arabic_translator_sees_their_language(client, notices, django_user_model):
    user = django_user_model.objects.create_user("uebersetzung-ar", password="x")
    user.groups.add(Group.objects.get(name="Übersetzung Arabisch"))
    panel = start_page(client, user)
    assert panel.select('td[data-language="ar"]')
    assert not panel.select('td[data-language="en"]')
    titles = [row.th.text for row in panel.select("tbody tr")]
    # Nothing is translated into Arabic: every live notice waits, the oldest first.
    assert titles.index("Schon übersetzt") < titles.index("Lange unübersetzt")


def test_editors_and_administrators_get_no_translator_panel(
    client, admin_user, notices, django_user_model
):
    assert start_page(client, admin_user) is None
    editor = django_user_model.objects.create_user("redaktion", password="x")
    editor.groups.add(Group.objects.get(name=EDITORS))
    assert start_page(client, editor) is None
