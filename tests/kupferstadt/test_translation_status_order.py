"""Berichte → Übersetzungsstand lists first what a translator should do first: live German
content without a human translation (missing or machine-made), the longest published
first; then live content whose translation is out of date; then German drafts; what is
translated and current comes last."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from kupferstadt.demo.translations import translate
from kupferstadt.models import MachineTranslation, MachineTranslationState
from kupferstadt.translation import synchronise_trees

from ..factories import NoticePageFactory

URL = reverse("translation_status")


def published(pinnwand, title, years_ago):
    page = NoticePageFactory(parent=pinnwand, title=title, slug=f"aushang-{years_ago}")
    page.save_revision().publish()
    first = timezone.now() - datetime.timedelta(days=365 * years_ago)
    Page.objects.filter(pk=page.pk).update(first_published_at=first)
    return page


@pytest.fixture
def notices(pinnwand, languages):
    english = languages["en"]
    current = published(pinnwand, "Aktuell übersetzt", 6)
    outdated = published(pinnwand, "Veraltet übersetzt", 5)
    old = published(pinnwand, "Alt und unübersetzt", 4)
    machine = published(pinnwand, "Maschinell übersetzt", 3)
    new = published(pinnwand, "Neu und unübersetzt", 1)
    draft = NoticePageFactory(parent=pinnwand, title="Deutscher Entwurf", live=False)
    synchronise_trees()
    translate(current, english, {"Aktuell übersetzt": "Translated", "aushang-6": "notice-6"})
    translate(outdated, english, {"Veraltet übersetzt": "Outdated", "aushang-5": "notice-5"})
    outdated.title = "Veraltet übersetzt, geändert"
    outdated.save_revision().publish()
    MachineTranslation.objects.create(
        source=machine, locale=english, state=MachineTranslationState.DRAFT, engine="dummy"
    )
    return [old, machine, new, outdated, draft, current]


def titles(client, **params):
    soup = BeautifulSoup(client.get(URL, params).text, "html.parser")
    return [row.th.text for row in soup.select("#translation-status tbody tr")]


def test_untranslated_live_content_comes_first_oldest_first(admin_client, notices, pinnwand):
    listed = titles(admin_client, language="en", section=str(pinnwand.pk))
    expected = [
        "Alt und unübersetzt",
        "Maschinell übersetzt",
        "Neu und unübersetzt",
        "Veraltet übersetzt, geändert",
        "Deutscher Entwurf",
        "Aktuell übersetzt",
    ]
    assert [title for title in listed if title in expected] == expected


def test_a_translator_sees_their_work_in_the_same_order(client, translator, notices):
    client.force_login(translator)
    listed = titles(client)
    assert listed.index("Alt und unübersetzt") < listed.index("Maschinell übersetzt")
    assert listed.index("Neu und unübersetzt") < listed.index("Veraltet übersetzt, geändert")
    assert listed.index("Veraltet übersetzt, geändert") < listed.index("Aktuell übersetzt")
