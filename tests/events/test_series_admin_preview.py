"""While editing, the "Wiederholung" panel shows the rule in words and the next dates."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from events.models import Repeat

from ..utils import visible_text
from .series_helpers import NOW, berlin, series


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def form(**fields):
    data = {
        "start": "2026-10-06 15:00",
        "end": "2026-10-06 17:00",
        "repeat": "weekly",
        "repeat_interval": "1",
        "repeat_weekdays": ["TU"],
        "extra_dates-TOTAL_FORMS": "0",
        "excluded_dates-TOTAL_FORMS": "1",
        "excluded_dates-0-date": "2026-10-13",
        "occurrence_changes-TOTAL_FORMS": "0",
    }
    data.update(fields)
    return data


def test_preview_shows_the_sentence_and_the_next_ten_dates(admin_client):
    response = admin_client.post(reverse("events_series_preview"), form())
    assert response.status_code == 200
    text = visible_text(response.text)
    assert "Wöchentlich am Dienstag, 15:00–17:00 Uhr" in text
    assert response.text.count('class="event-dates__item') == 10
    assert "Di, 06.10.2026" in text and "13.10.2026" not in text


def test_bad_input_gives_400_with_a_german_message(admin_client):
    response = admin_client.post(reverse("events_series_preview"), form(start="morgen"))
    assert response.status_code == 400
    assert "Beginn" in response.text and "gültig" in response.text
    response = admin_client.post(reverse("events_series_preview"), form(repeat_until="2026-10-01"))
    assert response.status_code == 400
    assert "Das Enddatum darf nicht vor dem Beginn liegen." in response.text


def test_preview_is_for_the_admin_only(client):
    response = client.post(reverse("events_series_preview"), form())
    assert response.status_code in (302, 403)


def test_edit_page_shows_the_stored_rule_without_javascript(admin_client, event_index):
    event = series(
        event_index,
        berlin(2026, 9, 1, 15),
        repeat=Repeat.WEEKLY,
        repeat_until=datetime.date(2027, 6, 30),
    )
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert response.status_code == 200
    text = visible_text(response.text)
    assert "Wöchentlich am Dienstag, 15:00–17:00 Uhr, bis 30.06.2027" in text
    assert "events/admin/series-preview.js" in response.text
    assert 'data-series-preview="/admin/events/series-preview/"' in response.text
