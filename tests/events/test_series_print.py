"""The printed Aushang of a series states its rule and its next dates (a cancelled one
marked "abgesagt"), so the sheet on the board stays right for weeks."""

import datetime

import pytest
import time_machine

from events.models import Repeat

from ..utils import visible_text
from .series_helpers import NOW, berlin, series


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def printed(client, event):
    response = client.get(event.url + "druckansicht/")
    assert response.status_code == 200
    return visible_text(response.text)


def test_a_series_prints_its_rule_and_its_next_dates(client, event_index):
    event = series(
        event_index,
        berlin(2026, 9, 1, 15),
        title="Elterncafé",
        repeat=Repeat.WEEKLY,
        repeat_weekdays="TU",
        changes=[{"original_date": datetime.date(2026, 9, 15), "cancelled": True}],
    )
    text = printed(client, event)
    assert "Wann Wöchentlich am Dienstag, 15:00–17:00 Uhr" in text
    assert "Die nächsten Termine" in text
    assert "Di, 08.09.2026, 15:00–17:00 Uhr" in text
    assert "Di, 15.09.2026, 15:00–17:00 Uhr abgesagt" in text
    assert "Di, 06.10.2026" in text  # six dates fit the sheet
    assert "Di, 13.10.2026" not in text
