"""The month view (``monat/2026-09/``): an accessible table per month, Monday first, with
every occurrence of every series on its day, cancelled ones marked "abgesagt", moved
ones at their new date; links to the months before and after; bad months give a German
message, never a server error; queries constant in the number of series."""

import datetime

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Repeat

from ..factories import EventPageFactory, TopicFactory
from ..utils import visible_text
from .series_helpers import NOW, berlin, series


@pytest.fixture(autouse=True)
def _now():
    with time_machine.travel(NOW, tick=False):
        yield


def month(client, event_index, value="2026-09"):
    response = client.get(f"{event_index.url}monat/{value}/")
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser")


def cell(page, day):
    """The text of the table cell of ``day`` (a date)."""
    time = page.select_one(f'table td time[datetime="{day:%Y-%m-%d}"]')
    return visible_text(str(time.find_parent("td")))


@pytest.fixture
def elterncafe(event_index):
    """Tuesdays 15–17 from 1 September, without 15 September, the 22nd cancelled and the
    29th moved to Wednesday 30th at 16:00."""
    return series(
        event_index,
        berlin(2026, 9, 1, 15),
        title="Elterncafé",
        repeat=Repeat.WEEKLY,
        repeat_weekdays="TU",
        excluded=[datetime.date(2026, 9, 15)],
        changes=[
            {"original_date": datetime.date(2026, 9, 22), "cancelled": True},
            {
                "original_date": datetime.date(2026, 9, 29),
                "new_start": berlin(2026, 9, 30, 16),
                "new_end": berlin(2026, 9, 30, 18),
            },
        ],
    )


def test_the_table_has_a_caption_and_weekday_headers_monday_first(client, event_index):
    page = month(client, event_index)
    table = page.select_one("table")
    assert table.caption.text.strip() == "September 2026"
    headers = table.select("thead th")
    assert [th.text for th in headers] == [
        "Montag",
        "Dienstag",
        "Mittwoch",
        "Donnerstag",
        "Freitag",
        "Samstag",
        "Sonntag",
    ]
    assert all(th["scope"] == "col" for th in headers)
    first_row = [visible_text(str(td)) for td in table.select("tbody tr")[0].select("td")]
    assert first_row[:2] == ["", "1"]  # 1 September 2026 is a Tuesday
    assert page.h1.text.endswith("September 2026")


def test_every_occurrence_of_a_weekly_series_is_on_its_day(client, event_index, elterncafe):
    page = month(client, event_index)
    assert "15:00 – 17:00 Uhr Elterncafé" in cell(page, datetime.date(2026, 9, 1))
    assert "Elterncafé" in cell(page, datetime.date(2026, 9, 8))
    assert "Elterncafé" not in cell(page, datetime.date(2026, 9, 15))  # excluded
    link = page.select_one("table td a")
    assert link["href"] == elterncafe.url


def test_a_cancelled_occurrence_says_abgesagt_not_only_struck_through(
    client, event_index, elterncafe
):
    page = month(client, event_index)
    text = cell(page, datetime.date(2026, 9, 22))
    assert "Elterncafé abgesagt" in text
    assert "abgesagt" not in cell(page, datetime.date(2026, 9, 8))


def test_a_moved_occurrence_is_at_its_new_date_and_its_old_day_says_where_it_went(
    client, event_index, elterncafe
):
    page = month(client, event_index)
    new_day = cell(page, datetime.date(2026, 9, 30))
    assert "16:00 – 18:00 Uhr Elterncafé (verschoben vom 29.09.)" in new_day
    old_day = cell(page, datetime.date(2026, 9, 29))
    assert "Elterncafé verschoben auf Mi, 30.09.2026, 16:00 Uhr" in old_day


def test_a_series_appears_in_every_month_it_has_dates_in(client, event_index, elterncafe):
    page = month(client, event_index, "2026-12")
    assert "Elterncafé" in cell(page, datetime.date(2026, 12, 29))
    assert "Dezember 2026" in page.caption.text


def test_a_multi_day_event_is_on_each_of_its_days(client, event_index):
    EventPageFactory(
        parent=event_index,
        title="Stadtfest",
        start=berlin(2026, 9, 12, 10),
        end=berlin(2026, 9, 13, 18),
    )
    page = month(client, event_index)
    assert "10:00 Uhr Stadtfest" in cell(page, datetime.date(2026, 9, 12))
    assert "bis 18:00 Uhr Stadtfest" in cell(page, datetime.date(2026, 9, 13))


def test_previous_and_next_month_links(client, event_index):
    page = month(client, event_index, "2027-01")
    assert page.select_one('a[rel="prev"]')["href"] == f"{event_index.url}monat/2026-12/"
    assert page.select_one('a[rel="next"]')["href"] == f"{event_index.url}monat/2027-02/"
    assert "Vorheriger Monat: Dezember 2026" in page.select_one('a[rel="prev"]').text


def test_the_index_links_to_this_months_view(client, event_index):
    page = BeautifulSoup(client.get(event_index.url).text, "html.parser")
    link = page.find("a", string="Monatsansicht")
    assert link["href"] == f"{event_index.url}monat/2026-09/"
    assert client.get(f"{event_index.url}monat/").url == f"{event_index.url}monat/2026-09/"


def test_the_month_can_be_filtered_by_topic_and_its_links_keep_the_topic(
    client, event_index, elterncafe
):
    familie = TopicFactory(name="Familie", slug="familie")
    EventPageFactory(
        parent=event_index, title="Familienfest", start=berlin(2026, 9, 12, 14), topics=[familie]
    )
    response = client.get(f"{event_index.url}monat/2026-09/", {"topic": "familie"})
    page = BeautifulSoup(response.text, "html.parser")
    assert [a.text for a in page.select("table td li a")] == ["Familienfest"]
    assert page.select_one('a[rel="next"]')["href"].endswith("monat/2026-10/?topic=familie")
    response = client.get(f"{event_index.url}monat/2026-09/", {"topic": "gibt-es-nicht"})
    assert response.status_code == 200
    assert "Das Thema „gibt-es-nicht“ gibt es nicht" in visible_text(response.text)
    assert "Elterncafé" in visible_text(response.text)


def test_a_month_without_events_says_so(client, event_index):
    text = visible_text(str(month(client, event_index, "2030-02")))
    assert "In diesem Monat sind keine Veranstaltungen eingetragen." in text


@pytest.mark.parametrize("value", ["2026-13", "2026-00", "99999-01", "0999-01", "Mai", "2026-9"])
def test_a_month_the_calendar_does_not_have_gives_404_with_a_german_message(
    client, event_index, value
):
    response = client.get(f"{event_index.url}monat/{value}/")
    assert response.status_code == 404
    text = visible_text(response.text)
    assert "Monat nicht gefunden" in text
    assert "JJJJ-MM" in text or "gibt es im Kalender nicht" in text


def test_queries_stay_the_same_with_ten_times_the_series(client, event_index):
    def count():
        with CaptureQueriesContext(connection) as queries:
            month(client, event_index)
        return len(queries)

    for number in range(2):
        series(event_index, berlin(2026, 9, 1 + number, 15), repeat=Repeat.WEEKLY)
    count()  # the first request fills the per-process caches (site, settings)
    few = count()
    for number in range(18):
        series(event_index, berlin(2026, 9, 3 + number, 9), repeat=Repeat.DAILY)
    count()  # new pages are a new content version: the site frame is built again once
    assert count() == few


def test_another_language_shows_the_translation_or_else_the_german_original_once(
    client, event_index, languages, django_capture_on_commit_callbacks
):
    from kupferstadt.demo.translations import translate
    from kupferstadt.translation import synchronise_trees

    fest = EventPageFactory(parent=event_index, title="Sommerfest", start=berlin(2026, 9, 5, 14))
    EventPageFactory(parent=event_index, title="Bürgerversammlung", start=berlin(2026, 9, 9, 18))
    fest.save_revision().publish()
    synchronise_trees()
    with django_capture_on_commit_callbacks(execute=True):
        translate(fest, languages["en"], {"Sommerfest": "Summer party"})
    response = client.get("/en/veranstaltungen/monat/2026-09/")
    assert response.status_code == 200
    links = {
        a.text: a.get("lang")
        for a in BeautifulSoup(response.text, "html.parser").select("table td li a")
    }
    assert links == {"Summer party": None, "Bürgerversammlung": "de"}
