"""A notice hangs until and including its "Aushang bis" day on the board, in the feeds,
in the search and in the open-data API, and disappears from all of them the next day."""

import datetime
import zoneinfo

import feedparser
import pytest
import time_machine

from ..factories import NoticePageFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
LAST_DAY = datetime.date(2026, 6, 30)


@pytest.fixture
def notice(pinnwand):
    return NoticePageFactory(
        parent=pinnwand,
        title="Sommerfest Oberstolberg",
        valid_from=LAST_DAY - datetime.timedelta(days=10),
        valid_until=LAST_DAY,
    )


def seen(client, pinnwand):
    board = client.get(pinnwand.url).text
    rss = feedparser.parse(client.get(pinnwand.url + "rss/").content)
    atom = feedparser.parse(client.get(pinnwand.url + "atom/").content)
    search = client.get("/de/suche/", {"q": "Sommerfest"}).text
    api = client.get("/api/v2/pages/", {"type": "home.NoticePage"}).json()
    return {
        "board": "Sommerfest Oberstolberg" in board,
        "rss": any(entry.title == "Sommerfest Oberstolberg" for entry in rss.entries),
        "atom": any(entry.title == "Sommerfest Oberstolberg" for entry in atom.entries),
        "search": "Sommerfest Oberstolberg" in search,
        "api": any(item["title"] == "Sommerfest Oberstolberg" for item in api["items"]),
    }


@pytest.mark.parametrize(
    "moment, shown",
    [
        (datetime.datetime(2026, 6, 30, 0, 5, tzinfo=BERLIN), True),
        (datetime.datetime(2026, 6, 30, 23, 55, tzinfo=BERLIN), True),
        (datetime.datetime(2026, 7, 1, 0, 5, tzinfo=BERLIN), False),
    ],
    ids=["last-day-morning", "last-day-late-evening", "next-day"],
)
def test_notice_is_everywhere_until_its_last_day(client, pinnwand, notice, moment, shown):
    with time_machine.travel(moment, tick=False):
        assert seen(client, pinnwand) == dict.fromkeys(
            ["board", "rss", "atom", "search", "api"], shown
        )


def test_expired_notice_is_found_in_the_archive_search(client, pinnwand, notice):
    with time_machine.travel(datetime.datetime(2026, 7, 1, 9, tzinfo=BERLIN), tick=False):
        html = client.get("/de/suche/", {"q": "Sommerfest", "archive": "1"}).text
        assert "Sommerfest Oberstolberg" in html
        assert "Sommerfest Oberstolberg" in client.get(pinnwand.url + "archiv/").text
