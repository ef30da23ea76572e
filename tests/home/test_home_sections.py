"""The home page shows what is new on the board and what comes next in the calendar."""

import datetime

from django.utils import timezone

from ..factories import EventPageFactory, NoticePageFactory


def titles(items):
    return [item.title for item in items]


def test_newest_notices_first_pinned_on_top(client, home, pinnwand):
    today = timezone.localdate()
    for days_ago in (9, 1, 5, 3, 7):
        NoticePageFactory(
            parent=pinnwand,
            title=f"Seit {days_ago} Tagen",
            valid_from=today - datetime.timedelta(days=days_ago),
        )
    NoticePageFactory(
        parent=pinnwand,
        title="Angeheftet",
        pinned=True,
        valid_from=today - datetime.timedelta(days=30),
    )
    notices = client.get(home.url).context["page"].latest_notices()
    assert titles(notices) == ["Angeheftet", "Seit 1 Tagen", "Seit 3 Tagen", "Seit 5 Tagen"]


def test_soonest_events_first(client, home, event_index):
    now = timezone.now()
    for days in (20, 2, 9, 5):
        EventPageFactory(
            parent=event_index,
            title=f"In {days} Tagen",
            start=now + datetime.timedelta(days=days),
        )
    response = client.get(home.url)
    assert titles(response.context["page"].upcoming_events()) == [
        "In 2 Tagen",
        "In 5 Tagen",
        "In 9 Tagen",
    ]
    assert "In 2 Tagen" in response.content.decode()
