"""The forum and the SAVE THE DATE notice match the original notice of the Sozialplanung."""

import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from events.models import EventPage, EventStatus
from home.models import NoticePage

from ..utils import visible_text

SEED = Path(__file__).resolve().parent.parent / "data" / "seed_000_94c2d3e9f30f4a8d.txt"
BERLIN = ZoneInfo("Europe/Berlin")


def seed_lines():
    lines = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"\s+", " ", line.replace("•", "")).strip()
        if line:
            lines.append(line)
    return lines


@pytest.fixture
def demo(db):
    call_command("load_demo", notices=0, events=0, languages=False)
    return {
        "forum": EventPage.objects.get(slug="fuenf-jahre-soziale-kupferstadt-2030"),
        "notice": NoticePage.objects.get(slug="save-the-date-forum-soziale-kupferstadt-2030"),
    }


def test_forum_date_and_times_match_the_seed(demo):
    forum = demo["forum"]
    start, end = forum.start.astimezone(BERLIN), forum.end.astimezone(BERLIN)
    assert (start.year, start.month, start.day, start.hour, start.minute) == (2020, 5, 13, 17, 0)
    assert (end.hour, end.minute) == (21, 0)
    assert start.utcoffset().total_seconds() == 2 * 3600  # summer time
    assert forum.status == EventStatus.SAVE_THE_DATE
    assert forum.venue.full_address == "Cockerillstraße 90, 52222 Stolberg"


def test_forum_page_shows_date_time_place_and_people(client, demo):
    text = visible_text(client.get(demo["forum"].url).text)
    for expected in [
        "Fünf Jahre Soziale Kupferstadt 2030",
        "Forum – Dialog und Begegnung",
        "Mittwoch, 13. Mai 2020, 17:00 – 21:00 Uhr",
        "Industriemuseum Zinkhütter Hof",
        "Cockerillstraße 90",
        "52222 Stolberg",
        "Save the date",
        "(Wie) Kann man das Soziale vor Ort planen und gestalten?",
        "aufeinander zugehen, voneinander lernen, miteinander leben",
        "Bürgermeisters Herrn Patrick Haas",
        "Ministerium für Arbeit, Gesundheit und Soziales (MAGS NRW)",
        "Leo Jansen",
        "Sozialplaner",
        "Lukas Franzen",
        "Inklusionsbeauftragter",
        "Die Einladung und das Programm gehen Ihnen im Ende März zu.",
        "Diese Veranstaltung hat bereits stattgefunden.",
    ]:
        assert expected in text, expected


def test_save_the_date_notice_carries_the_seed_verbatim(client, demo):
    lines = seed_lines()
    assert lines[:2] == ["Pinnwand", "Infos über weitere Angebote in Stadt und Städteregion"]
    notice_text = visible_text(client.get(demo["notice"].url).text)
    for line in lines[2:]:
        assert line in notice_text, line
    board_text = visible_text(client.get(demo["notice"].get_parent().url).text)
    for line in lines[:2]:
        assert line in board_text
    assert "SAVE THE DATE" in board_text


def test_notice_links_to_the_forum(client, demo):
    assert demo["notice"].event_id == demo["forum"].pk
    assert demo["forum"].url in client.get(demo["notice"].url).text


def test_leitbild_and_all_five_initiatives_are_served(client, demo):
    response = client.get("/de/soziale-kupferstadt-2030/")
    text = visible_text(response.text)
    assert "sozialer Ungleichheit entgegenzuwirken" in text
    assert "aufeinander zugehen, voneinander lernen, miteinander leben" in text
    for title in [
        "Sozialbericht",
        "Aktionsplan Inklusion",
        "Integriertes Handlungskonzept (IHKo) „Berg- und Talachse“",
        "Auditprozess „Familiengerechte Kommune“",
        "Modernisierung der Stolberger Bildungslandschaft",
    ]:
        assert title in text, title
    for project in demo["forum"].related_projects.all():
        assert client.get(project.url).status_code == 200
        assert demo["forum"].url in client.get(project.url).text
