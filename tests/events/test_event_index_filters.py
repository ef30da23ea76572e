"""The calendar lists upcoming events, past ones in the archive, filtered by month and topic."""

import datetime

import pytest
from django.utils import timezone

from ..factories import EventPageFactory, TopicFactory


def at(year, month, day, hour=18):
    return timezone.make_aware(datetime.datetime(year, month, day, hour))


@pytest.fixture
def calendar(event_index):
    this_year = timezone.localdate().year
    familie = TopicFactory(name="Familie")
    EventPageFactory(
        parent=event_index, title="Mai-Fest", start=at(this_year + 1, 5, 13), topics=[familie]
    )
    EventPageFactory(parent=event_index, title="Juni-Treffen", start=at(this_year + 1, 6, 2))
    EventPageFactory(parent=event_index, title="Vorbei", start=at(this_year - 1, 5, 13))
    return event_index


def titles(response):
    return [e.title for e in response.context["events"]]


def test_upcoming_by_default_soonest_first(client, calendar):
    assert titles(client.get(calendar.url)) == ["Mai-Fest", "Juni-Treffen"]


def test_past_events_in_the_archive(client, calendar):
    assert titles(client.get(calendar.url + "archiv/")) == ["Vorbei"]


def test_filter_by_month(client, calendar):
    month = f"{timezone.localdate().year + 1}-06"
    assert titles(client.get(calendar.url, {"month": month})) == ["Juni-Treffen"]


def test_filter_by_topic(client, calendar):
    assert titles(client.get(calendar.url, {"topic": "familie"})) == ["Mai-Fest"]


@pytest.mark.parametrize("month", ["2026-13", "abc", "2026-5-5", "<b>"])
def test_bad_month_gives_a_normal_page_with_a_message(client, calendar, month):
    response = client.get(calendar.url, {"month": month})
    assert response.status_code == 200
    assert "Bitte geben Sie einen Monat in der Form JJJJ-MM an" in response.text
    assert len(titles(response)) == 2


def test_bad_page_on_the_calendar(client, calendar):
    response = client.get(calendar.url, {"page": "x"})
    assert response.status_code == 200
    assert "keine gültige Seitenzahl" in response.text


@pytest.mark.parametrize("month", ["9999-12", "0001-01", "1899-12", "3000-01"])
def test_month_outside_the_calendar_gives_a_normal_page_with_a_message(client, calendar, month):
    for address in ("", "archiv/", "rss/", "atom/", "ical/"):
        response = client.get(calendar.url + address, {"month": month})
        assert response.status_code == 200, address
    response = client.get(calendar.url, {"month": month})
    assert "Bitte geben Sie einen Monat zwischen 1900-01 und 2999-12 an" in response.text
    assert len(titles(response)) == 2
