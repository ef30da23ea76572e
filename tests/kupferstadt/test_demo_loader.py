"""The demo loader builds the site from the seed and is idempotent."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Site

from events.models import EventPage
from home.models import HomePage, NoticePage
from kupferstadt.models import Organisation, Person, Topic, Venue
from projects.models import ProjectPage


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, NoticePage, EventPage, ProjectPage, Topic, Person, Venue, Organisation)
    }


@pytest.mark.django_db
def test_load_demo_twice_duplicates_nothing(capsys):
    call_command("load_demo", notices=8, events=3)
    first = counts()
    call_command("load_demo", notices=8, events=3)
    assert counts() == first
    assert "0 neue Beispiel-Aushänge" in capsys.readouterr().out


@pytest.mark.django_db
def test_load_demo_builds_the_whole_site():
    call_command("load_demo", notices=20, events=6)
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    german = {"locale": site.root_page.locale}
    assert ProjectPage.objects.live().filter(**german).count() == 5
    assert NoticePage.objects.filter(title__startswith="Beispiel", **german).count() == 20
    assert EventPage.objects.filter(title__startswith="Beispiel", **german).upcoming().count() == 6
    # Wagtail's welcome page is gone; the other home pages are the German one's translations.
    others = Page.objects.filter(depth=2).exclude(pk=site.root_page_id)
    assert set(others) == set(site.root_page.get_translations())
    # The central pages ship in English, translated by the team through wagtail-localize.
    english = Page.objects.filter(locale__language_code="en", alias_of__isnull=True, live=True)
    assert set(english.values_list("title", flat=True)) == {
        "Social Copper Town",
        "SAVE THE DATE: Forum “Five Years of Social Copper Town 2030”",
        "Five Years of Social Copper Town 2030",
        "Social Copper Town 2030",
        "How the notice board works",
    }


@pytest.mark.django_db
def test_size_argument_adds_only_the_missing_samples():
    call_command("load_demo", notices=5, events=0, languages=False)
    call_command("load_demo", notices=12, events=0, languages=False)
    assert NoticePage.objects.filter(title__startswith="Beispiel").count() == 12


@pytest.mark.django_db
def test_samples_are_marked_as_examples():
    call_command("load_demo", notices=10, events=2, languages=False)
    for page in NoticePage.objects.filter(slug__startswith="beispiel"):
        assert page.title.startswith("Beispiel")
        assert "Beispiel-Aushang" in page.teaser


@pytest.mark.django_db
def test_dev_login_is_refused_without_debug(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="nur mit DEBUG"):
        call_command("load_demo", notices=0, events=0, dev_login="admin:geheim")
