"""Personal data from the public forms is not kept forever: ``purge_personal_data`` (run
daily) deletes a "Barriere melden" report KUPFERSTADT_BARRIER_REPORT_RETENTION_DAYS days
after it was marked handled and at the latest KUPFERSTADT_BARRIER_REPORT_MAX_AGE_DAYS days
after receipt, and an "Angebot melden" sender's data whose decision never came
KUPFERSTADT_SUBMISSION_MAX_AGE_DAYS days after receipt. The old command name
``purge_offer_submissions`` does the same."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from home.models import NoticePage, OfferSubmission
from kupferstadt.models import BarrierReport

from ..factories import NoticePageFactory

DAY = datetime.timedelta(days=1)


@pytest.fixture
def periods(settings):
    settings.KUPFERSTADT_BARRIER_REPORT_RETENTION_DAYS = 90
    settings.KUPFERSTADT_BARRIER_REPORT_MAX_AGE_DAYS = 365
    settings.KUPFERSTADT_SUBMISSION_RETENTION_DAYS = 30
    settings.KUPFERSTADT_SUBMISSION_MAX_AGE_DAYS = 180


@pytest.fixture
def start():
    return timezone.now()


def report(start):
    with time_machine.travel(start, tick=False):
        return BarrierReport.objects.create(
            page_url="/de/pinnwand/",
            description="Der Filter lässt sich nicht mit der Tastatur bedienen.",
            name="Erika Muster",
            email="erika@example.org",
        )


def mark_handled(admin_client, report, when, handled=True):
    """What an editor does: tick (or untick) "Erledigt" in the admin."""
    with time_machine.travel(when, tick=False):
        response = admin_client.post(
            f"/admin/snippets/kupferstadt/barrierreport/edit/{report.pk}/",
            {"handled": "on"} if handled else {},
        )
    assert response.status_code == 302


def purge(when, command="purge_personal_data"):
    out = io.StringIO()
    with time_machine.travel(when, tick=False):
        call_command(command, stdout=out)
    return out.getvalue()


def test_a_handled_report_is_deleted_after_the_retention_period(admin_client, periods, start, home):
    barrier = report(start)
    mark_handled(admin_client, barrier, start + 10 * DAY)

    purge(start + 99 * DAY)
    assert BarrierReport.objects.filter(pk=barrier.pk).exists()
    output = purge(start + 101 * DAY)
    assert not BarrierReport.objects.filter(pk=barrier.pk).exists()
    assert "1 Barriere-Meldungen gelöscht" in output


def test_an_unhandled_report_is_deleted_after_the_maximum_age(periods, start, home):
    barrier = report(start)

    purge(start + 364 * DAY)
    assert BarrierReport.objects.filter(pk=barrier.pk).exists()
    purge(start + 366 * DAY)
    assert not BarrierReport.objects.filter(pk=barrier.pk).exists()


def test_unticking_handled_stops_the_retention_clock(admin_client, periods, start, home):
    barrier = report(start)
    mark_handled(admin_client, barrier, start + 1 * DAY)
    mark_handled(admin_client, barrier, start + 2 * DAY, handled=False)

    purge(start + 200 * DAY)
    assert BarrierReport.objects.filter(pk=barrier.pk).exists()


@pytest.fixture
def undecided(pinnwand, start):
    notice = NoticePageFactory(parent=pinnwand, title="Gemeldet, nie entschieden", live=False)
    with time_machine.travel(start, tick=False):
        return OfferSubmission.objects.create(
            notice=notice, name="Erika Muster", email="erika@verein.example"
        )


def test_undecided_offer_data_is_deleted_after_the_maximum_age(periods, start, undecided):
    purge(start + 179 * DAY)
    assert OfferSubmission.objects.filter(pk=undecided.pk).exists()
    output = purge(start + 181 * DAY)
    assert not OfferSubmission.objects.filter(pk=undecided.pk).exists()
    assert "1 Angebotsmeldungen gelöscht" in output
    assert NoticePage.objects.filter(title="Gemeldet, nie entschieden").exists()


def test_the_old_command_name_purges_both(periods, start, undecided):
    barrier = report(start)

    purge(start + 400 * DAY, command="purge_offer_submissions")
    assert not BarrierReport.objects.filter(pk=barrier.pk).exists()
    assert not OfferSubmission.objects.filter(pk=undecided.pk).exists()
