"""When the German source is published again, its translations follow: changed segments
are extracted anew, the translators' work on unchanged segments stays, and language-neutral
facts (date, time, status) are copied and cannot drift."""

import datetime

import pytest
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from events.models import EventPage, EventStatus
from kupferstadt.demo.translations import translate
from kupferstadt.models import Venue
from kupferstadt.translation import synchronise_trees

from ..factories import EventPageFactory, VenueFactory


@pytest.fixture
def forum(event_index, languages):
    event = EventPageFactory(
        parent=event_index, title="Forum", slug="forum", subtitle="Dialog und Begegnung"
    )
    event.save_revision().publish()
    synchronise_trees()
    translate(
        event,
        languages["en"],
        {"Forum": "Forum (English)", "forum": "forum", "Dialog und Begegnung": "Dialogue"},
    )
    return event


def english(event, languages):
    return EventPage.objects.get(translation_key=event.translation_key, locale=languages["en"])


def test_republishing_the_source_keeps_unchanged_translations(client, forum, languages):
    new_start = forum.start.replace(microsecond=0) + datetime.timedelta(days=3)
    forum.subtitle = "Dialog, Begegnung und Musik"
    forum.start, forum.end = new_start, new_start + datetime.timedelta(hours=2)
    forum.status = EventStatus.POSTPONED
    forum.save_revision().publish()

    translated = english(forum, languages)
    assert translated.title == "Forum (English)"  # unchanged segment: kept
    assert translated.subtitle == "Dialog, Begegnung und Musik"  # changed: source until done
    assert translated.start == new_start  # synchronised fact
    assert translated.status == EventStatus.POSTPONED
    assert translated.live
    assert StringTranslation.objects.filter(data="Forum (English)").exists()
    response = client.get(translated.url)
    assert "Forum (English)" in response.text


def test_synchronised_facts_cannot_be_overridden_in_a_translation(forum, languages):
    from wagtail_localize.fields import get_translatable_fields

    fields = {field.field_name: field for field in get_translatable_fields(EventPage)}
    for name in ("start", "end", "status", "registration_email"):
        assert fields[name].is_synchronized(forum)
        assert not fields[name].is_overridable(forum)
    assert not fields["title"].is_synchronized(forum)


def test_venue_translation_keeps_the_address_of_the_source(languages):
    venue = VenueFactory(name="Zinkhütter Hof", accessibility_notes="Aufzug vorhanden")
    source, _ = TranslationSource.get_or_create_from_instance(venue)
    Translation.objects.create(source=source, target_locale=languages["en"]).save_target()
    venue.street = "Cockerillstraße 90"
    venue.save()

    translated = Venue.objects.get(translation_key=venue.translation_key, locale=languages["en"])
    assert translated.street == "Cockerillstraße 90"
