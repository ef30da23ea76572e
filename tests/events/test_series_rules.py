"""The rule of a series in German words, and the rules the admin refuses."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from events.models import EventExcludedDate, EventPage, Repeat

from ..factories import VenueFactory
from .series_helpers import NOW, berlin


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def unsaved(start=None, hours=2, **fields):
    start = start or berlin(2026, 10, 6, 15)
    return EventPage(
        title="Elterncafé",
        slug="elterncafe",
        start=start,
        end=start + datetime.timedelta(hours=hours),
        venue=VenueFactory(),
        **fields,
    )


@pytest.mark.django_db
def test_weekly_rule_reads_as_a_german_sentence():
    page = unsaved(
        repeat=Repeat.WEEKLY,
        repeat_weekdays="TU",
        repeat_until=datetime.date(2027, 6, 30),
        skip_public_holidays=True,
    )
    assert page.recurrence.sentence() == (
        "wöchentlich am Dienstag, 15:00–17:00 Uhr, bis 30.06.2027, außer an Feiertagen"
    )


@pytest.mark.django_db
def test_other_rules_read_as_german_sentences():
    first_monday = unsaved(
        start=berlin(2026, 10, 5, 10), repeat=Repeat.MONTHLY_WEEKDAY, repeat_week_of_month=1
    )
    assert first_monday.recurrence.sentence() == "monatlich am ersten Montag, 10:00–12:00 Uhr"
    fortnightly = unsaved(
        start=berlin(2026, 10, 1, 18),
        repeat=Repeat.WEEKLY,
        repeat_interval=2,
        repeat_weekdays="MO,TH",
        repeat_count=10,
        skip_school_holidays=True,
    )
    assert fortnightly.recurrence.sentence() == (
        "alle 2 Wochen am Montag und Donnerstag, 18:00–20:00 Uhr, 10 Termine insgesamt, "
        "außer in den Schulferien"
    )


@pytest.mark.django_db
def test_weekly_without_weekdays_repeats_on_the_start_weekday():
    page = unsaved(repeat=Repeat.WEEKLY, repeat_count=3)
    starts = [slot.start for slot in page.recurrence.occurrences()]
    assert starts == [berlin(2026, 10, 6, 15), berlin(2026, 10, 13, 15), berlin(2026, 10, 20, 15)]
    assert page.recurrence.sentence().startswith("wöchentlich am Dienstag")


@pytest.mark.django_db
def test_a_rule_without_any_date_is_refused_in_german():
    page = unsaved(
        repeat=Repeat.DAILY,
        repeat_count=1,
        excluded_dates=[EventExcludedDate(date=datetime.date(2026, 10, 6))],
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert error.value.message_dict["repeat"] == [
        "Diese Wiederholung ergibt keinen einzigen Termin. Bitte prüfen Sie Regel, Enddatum "
        "und Ausnahmen."
    ]


@pytest.mark.django_db
def test_a_rule_with_too_many_dates_is_refused(settings):
    settings.KUPFERSTADT_MAX_OCCURRENCES = 50
    page = unsaved(repeat=Repeat.DAILY, repeat_until=datetime.date(2027, 6, 30))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "mehr als 50 Termine" in error.value.message_dict["repeat_until"][0]
    page.repeat_until = datetime.date(2026, 11, 1)
    page.clean()


@pytest.mark.django_db
def test_end_date_and_count_together_are_refused():
    page = unsaved(repeat=Repeat.DAILY, repeat_until=datetime.date(2026, 11, 1), repeat_count=3)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "entweder ein Enddatum oder eine Anzahl" in error.value.message_dict["repeat_count"][0]


@pytest.mark.django_db
def test_a_single_event_has_no_sentence_and_passes():
    page = unsaved()
    page.clean()
    assert page.recurrence.sentence() == ""
    assert not page.recurrence.is_series
