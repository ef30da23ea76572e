"""Regular hours are facts, not text: a translated notice shows the German source's hours,
in its own language's day names, and follows when the source changes them; only the
editor's note is translated."""

from wagtail_localize.fields import get_translatable_fields

from home.models import NoticePage
from kupferstadt.demo.translations import translate
from kupferstadt.translation import synchronise_trees
from tests.utils import visible_text

from .factories_hours import NoticeWithHoursFactory, hours


def english(notice, languages):
    return NoticePage.objects.get(translation_key=notice.translation_key, locale=languages["en"])


def test_a_translated_notice_shows_the_same_hours(client, pinnwand, languages):
    notice = NoticeWithHoursFactory(
        parent=pinnwand, title="Sprechstunde", hours_note="außer in den Schulferien"
    )
    notice.save_revision().publish()
    synchronise_trees()
    translated = translate(
        notice,
        languages["en"],
        {"Sprechstunde": "Office hours", "außer in den Schulferien": "not in school holidays"},
    )
    assert translated.alias_of_id is None and translated.title == "Office hours"
    rows = [(row.weekdays, row.opens, row.closes) for row in translated.opening_hours.all()]
    assert rows == [(row.weekdays, row.opens, row.closes) for row in notice.opening_hours.all()]

    text = visible_text(client.get(translated.url).text)
    assert "Monday" in text and "Friday" in text
    assert "not in school holidays" in text

    # The source changes its hours: the translation follows without being edited.
    notice = notice.get_latest_revision_as_object()
    notice.opening_hours = [hours("3", "15:00", "17:00")]
    notice.save_revision().publish()
    assert [
        (row.weekdays, str(row.opens)) for row in english(notice, languages).opening_hours.all()
    ] == [("3", "15:00:00")]


def test_hours_cannot_be_overridden_in_a_translation_but_the_note_is_translated(pinnwand):
    notice = NoticeWithHoursFactory(parent=pinnwand, hours_note="außer in den Schulferien")
    fields = {field.field_name: field for field in get_translatable_fields(NoticePage)}
    for name in ("opening_hours", "closed_on_public_holidays"):
        assert fields[name].is_synchronized(notice)
        assert not fields[name].is_overridable(notice)
    assert not fields["hours_note"].is_synchronized(notice)
