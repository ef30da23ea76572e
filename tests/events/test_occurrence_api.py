"""The open-data API lists the dates of events in a span (``/api/v2/occurrences/``) and
describes a series on its page (``/api/v2/pages/<id>/``): German 400 messages for wrong
parameters, live public events only, one language at a time, constant queries."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from events.models import EventStatus, Repeat
from kupferstadt.demo.translations import translate
from kupferstadt.translation import synchronise_trees

from ..factories import EventPageFactory
from .series_helpers import NOW, berlin, series

URL = "/api/v2/occurrences/"


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):  # Tuesday, 1 September 2026, noon
        yield


def elterncafe(event_index, **fields):
    return series(
        event_index,
        berlin(2026, 8, 4, 15),
        title="Elterncafé",
        repeat=Repeat.WEEKLY,
        repeat_weekdays="TU",
        repeat_until=datetime.date(2027, 6, 30),
        **fields,
    )


def get(client, url=URL, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


def listed(client, **params):
    return [(item["title"], item["start"]) for item in get(client, **params)["items"]]


def test_occurrences_in_a_span_with_cancelled_and_moved_dates(client, event_index):
    cafe = elterncafe(
        event_index,
        changes=[
            {"original_date": datetime.date(2026, 9, 8), "cancelled": True},
            {
                "original_date": datetime.date(2026, 9, 15),
                "new_start": berlin(2026, 9, 17, 10),
                "note": "diesmal im Raum 2",
            },
        ],
    )
    forum = EventPageFactory(parent=event_index, title="Forum", start=berlin(2026, 9, 10, 17))
    data = get(client, **{"from": "2026-09-07", "to": "2026-09-20"})
    assert data["meta"]["total_count"] == 3
    first, second, third = data["items"]
    assert first == {
        "event_id": cafe.pk,
        "title": "Elterncafé",
        "url": "http://testserver" + cafe.url,
        "detail_url": f"http://testserver/api/v2/pages/{cafe.pk}/",
        "locale": "de",
        "start": "2026-09-08T15:00:00+02:00",
        "end": "2026-09-08T17:00:00+02:00",
        "original_start": "2026-09-08T15:00:00+02:00",
        "all_day": False,
        "cancelled": True,
        "moved": False,
        "note": "",
    }
    assert (second["event_id"], second["start"]) == (forum.pk, "2026-09-10T17:00:00+02:00")
    assert (third["start"], third["original_start"]) == (
        "2026-09-17T10:00:00+02:00",
        "2026-09-15T15:00:00+02:00",
    )
    assert (third["moved"], third["cancelled"], third["note"]) == (True, False, "diesmal im Raum 2")


def test_both_days_of_the_span_are_included_and_winter_time_is_kept(client, event_index):
    elterncafe(event_index)
    assert listed(client, **{"from": "2026-10-27", "to": "2026-11-03"}) == [
        ("Elterncafé", "2026-10-27T15:00:00+01:00"),
        ("Elterncafé", "2026-11-03T15:00:00+01:00"),
    ]


def test_without_a_span_the_next_31_days_are_listed(client, event_index):
    elterncafe(event_index)
    starts = [start for _, start in listed(client, limit=20)]
    assert starts[0] == "2026-09-01T15:00:00+02:00"
    assert starts[-1] == "2026-09-29T15:00:00+02:00"  # 1 October is day 31


def test_pages_of_occurrences_as_the_other_endpoints(client, event_index):
    elterncafe(event_index)
    data = get(client, **{"from": "2026-09-01", "to": "2026-10-31", "limit": 2, "offset": 2})
    assert data["meta"]["total_count"] == 9
    assert [item["start"][:10] for item in data["items"]] == ["2026-09-15", "2026-09-22"]


def test_drafts_and_protected_events_are_not_listed(client, event_index):
    elterncafe(event_index)
    draft = EventPageFactory(parent=event_index, title="Entwurf", start=berlin(2026, 9, 3, 10))
    draft.unpublish()
    secret = EventPageFactory(parent=event_index, title="Intern", start=berlin(2026, 9, 4, 10))
    PageViewRestriction.objects.create(page=secret, restriction_type=PageViewRestriction.LOGIN)
    titles = {title for title, _ in listed(client, **{"from": "2026-09-01", "to": "2026-09-07"})}
    assert titles == {"Elterncafé"}


def test_every_date_of_a_cancelled_event_is_cancelled(client, event_index):
    elterncafe(event_index, status=EventStatus.CANCELLED)
    items = get(client, **{"from": "2026-09-01", "to": "2026-09-14"})["items"]
    assert [item["cancelled"] for item in items] == [True, True]


def test_one_language_at_a_time_as_the_pages_endpoint(
    client, event_index, languages, django_capture_on_commit_callbacks
):
    cafe = elterncafe(event_index)
    cafe.save_revision().publish()
    synchronise_trees()  # aliases in every language, each with its own rows
    with django_capture_on_commit_callbacks(execute=True):
        translate(cafe, languages["en"], {"Elterncafé": "Parents' café"})
    span = {"from": "2026-09-01", "to": "2026-09-07"}
    assert listed(client, **span) == [("Elterncafé", "2026-09-01T15:00:00+02:00")]
    english = get(client, locale="en", **span)["items"]
    assert [(item["title"], item["locale"]) for item in english] == [("Parents' café", "en")]
    assert listed(client, locale="tr", **span) == []  # only real translations


@pytest.mark.parametrize(
    "params, message",
    [
        ({"from": "2027-13-01"}, "from muss ein Datum in der Form JJJJ-MM-TT sein"),
        ({"to": "morgen"}, "to muss ein Datum in der Form JJJJ-MM-TT sein"),
        ({"from": "0001-01-01"}, "from muss ein Datum in der Form JJJJ-MM-TT sein"),
        ({"from": "2027-02-01", "to": "2027-01-31"}, "to darf nicht vor from liegen"),
        ({"from": "2027-01-01", "to": "2028-02-05"}, "höchstens 400 Tage"),
        ({"locale": "xx"}, "locale muss eine der Sprachen der Website sein"),
        ({"since": "2027-01-01"}, "Unbekannte Parameter: since"),
        ({"limit": "viele"}, "limit muss eine positive ganze Zahl sein"),
        ({"from": "2027-01-01\x00"}, "Nullzeichen"),
    ],
)
def test_wrong_parameters_are_answered_in_german_with_400(client, event_index, params, message):
    response = client.get(URL, params)
    assert response.status_code == 400
    assert message in response.json()["message"]


def test_a_span_of_exactly_400_days_is_allowed(client, event_index):
    assert client.get(URL, {"from": "2027-01-01", "to": "2028-02-04"}).status_code == 200


def test_the_page_of_a_series_carries_its_rule_and_next_date(client, event_index):
    cafe = elterncafe(event_index, excluded=[datetime.date(2026, 12, 22)])
    data = get(client, f"/api/v2/pages/{cafe.pk}/")
    assert data["recurrence"] == {
        "sentence": "wöchentlich am Dienstag, 15:00–17:00 Uhr, bis 30.06.2027",
        "repeat": "weekly",
        "interval": 1,
        "weekdays": ["TU"],
        "week_of_month": None,
        "day_of_month": None,
        "until": "2027-06-30",
        "count": None,
        "skip_public_holidays": False,
        "skip_school_holidays": False,
        "extra_dates": [],
        "excluded_dates": ["2026-12-22"],
        "rrule": "FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T215959Z",
    }
    assert data["next_start"] == "2026-09-01T15:00:00+02:00"
    assert data["next_end"] == "2026-09-01T17:00:00+02:00"
    assert data["next_cancelled"] is False


def test_the_page_of_a_single_event_has_no_rule_and_its_own_date(client, event_index):
    forum = EventPageFactory(parent=event_index, start=berlin(2026, 10, 6, 17))
    data = get(client, f"/api/v2/pages/{forum.pk}/")
    assert data["recurrence"] is None
    assert data["next_start"] == "2026-10-06T17:00:00+02:00"


def count_queries(client, url):
    client.get(url)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def add_series(event_index, count):
    for number in range(count):
        series(event_index, berlin(2026, 8, 3 + number % 7, 9 + number % 8), repeat=Repeat.WEEKLY)


@pytest.mark.parametrize(
    "url",
    [
        f"{URL}?from=2026-09-01&to=2026-09-30&limit=20",
        "/api/v2/pages/?type=events.EventPage&fields=recurrence,next_start,next_end",
        "/api/v2/pages/?type=events.EventPage&fields=next_cancelled,recurrence,topics,venue",
    ],
    ids=["occurrences", "events-with-dates", "events-with-relations"],
)
def test_api_queries_do_not_grow_with_series(client, event_index, url):
    add_series(event_index, 3)
    few = count_queries(client, url)
    add_series(event_index, 30)
    assert count_queries(client, url) == few
