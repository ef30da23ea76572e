"""Notices are shown from valid_from to valid_until (inclusive) and then move to the archive."""

import datetime

import pytest
from django.utils import timezone

from ..factories import NoticePageFactory

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


@pytest.fixture
def notices(pinnwand):
    today = TODAY()
    return {
        "current": NoticePageFactory(parent=pinnwand, title="Läuft noch", valid_until=today + DAY),
        "last_day": NoticePageFactory(parent=pinnwand, title="Letzter Tag", valid_until=today),
        "open": NoticePageFactory(parent=pinnwand, title="Unbefristet", valid_until=None),
        "expired": NoticePageFactory(
            parent=pinnwand,
            title="Abgelaufen",
            valid_from=today - 10 * DAY,
            valid_until=today - DAY,
        ),
        "future": NoticePageFactory(parent=pinnwand, title="Kommt noch", valid_from=today + DAY),
    }


def listed(client, url):
    return {n.title for n in client.get(url).context["notices"]}


def test_board_shows_current_notices_until_their_last_day(client, pinnwand, notices):
    assert listed(client, pinnwand.url) == {"Läuft noch", "Letzter Tag", "Unbefristet"}


def test_expired_notice_moves_to_the_archive(client, pinnwand, notices):
    assert listed(client, pinnwand.url + "archiv/") == {"Abgelaufen"}


def test_expired_notice_page_stays_reachable_and_says_it_expired(client, notices):
    response = client.get(notices["expired"].url)
    assert response.status_code == 200
    assert "Dieser Aushang ist abgelaufen" in response.text


def test_unpublished_notice_is_not_listed(client, pinnwand, notices):
    notices["current"].unpublish()
    assert "Läuft noch" not in listed(client, pinnwand.url)


def test_home_page_shows_only_current_notices(client, home, notices):
    html = client.get(home.url).text
    assert "Läuft noch" in html
    assert "Abgelaufen" not in html
    assert "Kommt noch" not in html
