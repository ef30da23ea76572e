"""A notice's regular hours read in one line as on a paper notice: days with the same times
together, three or more consecutive days as a range, the holiday rule and the note last."""

import pytest
from django.utils import translation

from ..factories import NoticePageFactory
from .factories_hours import NoticeWithHoursFactory, hours


def summary(pinnwand, rows, **fields):
    return NoticePageFactory(parent=pinnwand, opening_hours=rows, **fields).hours_summary()


def test_consecutive_days_with_the_same_times_become_a_range(pinnwand):
    notice = NoticeWithHoursFactory(parent=pinnwand)
    assert notice.hours_summary() == "Mo–Do 9–12 Uhr, Fr 9–11 Uhr, an Feiertagen geschlossen"


def test_rows_with_the_same_times_are_named_together_in_day_order(pinnwand):
    rows = [
        hours("5", "14:00", "16:30"),
        hours("3", "09:00", "12:00"),
        hours("1", "09:00", "12:00"),
    ]
    assert summary(pinnwand, rows) == "Mo, Mi 9–12 Uhr, Fr 14–16:30 Uhr"


def test_two_spans_on_the_same_days_are_joined_with_und(pinnwand):
    rows = [hours("12345", "14:00", "16:00"), hours("12345", "09:00", "12:00")]
    assert summary(pinnwand, rows) == "Mo–Fr 9–12 und 14–16 Uhr"


def test_a_run_of_two_days_is_listed_and_separate_runs_stay_apart(pinnwand):
    rows = [hours("67", "10:00", "13:00"), hours("1235", "18:00", "20:00")]
    assert summary(pinnwand, rows) == "Mo–Mi, Fr 18–20 Uhr, Sa, So 10–13 Uhr"


def test_the_editors_note_comes_last(pinnwand):
    rows = [hours("2", "15:00", "17:00")]
    text = summary(
        pinnwand, rows, closed_on_public_holidays=True, hours_note="außer in den Schulferien"
    )
    assert text == "Di 15–17 Uhr, an Feiertagen geschlossen, außer in den Schulferien"


def test_without_hours_there_is_no_summary_and_no_holiday_rule(pinnwand):
    assert summary(pinnwand, [], closed_on_public_holidays=True) == ""
    assert summary(pinnwand, [], hours_note="nach Vereinbarung") == "nach Vereinbarung"


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "Mon–Thu"), ("tr", "Pzt–Prş"), ("uk", "Пн–Чт")]
)
def test_weekdays_are_abbreviated_in_the_visitors_language(pinnwand, language, expected):
    notice = NoticeWithHoursFactory(parent=pinnwand)
    with translation.override(language):
        text = notice.hours_summary()
    # The days first, then the times in the language's own words ("saat 9–12" in Turkish).
    assert text.startswith(expected + " ")
    assert "9–12" in text.split(",")[0]
