"""Notices scheduled with "Veröffentlichung ab" / "Ablauf am" go live and go away when
``manage.py publish_scheduled`` runs (cron or systemd timer, see docs/scheduling/)."""

import datetime
import zoneinfo

import time_machine
from django.core.management import call_command

from home.models import NoticePage

from ..factories import NoticePageFactory

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
MONDAY_8 = datetime.datetime(2026, 3, 2, 8, 0, tzinfo=BERLIN)
HOUR = datetime.timedelta(hours=1)


def titles(client, pinnwand):
    return {notice.title for notice in client.get(pinnwand.url).context["notices"]}


def test_scheduled_notice_goes_live_when_publish_scheduled_runs(client, pinnwand):
    with time_machine.travel(MONDAY_8, tick=False):
        notice = NoticePageFactory(
            parent=pinnwand, title="Ferienprogramm", live=False, valid_from=MONDAY_8.date()
        )
        notice.go_live_at = MONDAY_8 + 2 * HOUR
        notice.save_revision().publish()
        assert not NoticePage.objects.get(pk=notice.pk).live
        call_command("publish_scheduled")
        assert "Ferienprogramm" not in titles(client, pinnwand)

    with time_machine.travel(MONDAY_8 + 2 * HOUR + datetime.timedelta(minutes=1), tick=False):
        call_command("publish_scheduled")
        assert NoticePage.objects.get(pk=notice.pk).live
        assert "Ferienprogramm" in titles(client, pinnwand)


def test_notice_is_unpublished_at_its_expiry_time(client, pinnwand):
    with time_machine.travel(MONDAY_8, tick=False):
        notice = NoticePageFactory(
            parent=pinnwand, title="Sprechstunde", valid_from=MONDAY_8.date()
        )
        notice.expire_at = MONDAY_8 + 3 * HOUR
        notice.save_revision().publish()
        call_command("publish_scheduled")
        assert "Sprechstunde" in titles(client, pinnwand)

    with time_machine.travel(MONDAY_8 + 4 * HOUR, tick=False):
        call_command("publish_scheduled")
        notice.refresh_from_db()
        assert not notice.live and notice.expired
        assert "Sprechstunde" not in titles(client, pinnwand)
        assert client.get(notice.url or f"/de/pinnwand/{notice.slug}/").status_code == 404
