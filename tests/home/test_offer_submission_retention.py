"""The sender of an offer hears about the decision, and their name and e-mail are deleted
KUPFERSTADT_SUBMISSION_RETENTION_DAYS days after it by ``purge_personal_data`` (formerly
``purge_offer_submissions``, still working), or KUPFERSTADT_SUBMISSION_MAX_AGE_DAYS days
after receipt if no decision comes."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from home.models import NoticePage, OfferSubmission
from tests.home.test_offer_submission_form import data

DAY = datetime.timedelta(days=1)


@pytest.fixture
def submitted(client, offer_page, settings):
    settings.KUPFERSTADT_SUBMISSION_RETENTION_DAYS = 30
    assert client.post(offer_page.url, data()).status_code == 302
    mail.outbox.clear()
    return NoticePage.objects.get()


def decide(notice, approver, action):
    task_state = notice.current_workflow_task_state
    task_state.task.specific.on_action(task_state, approver, action)


def test_sender_hears_of_the_approval_and_the_notice_hangs(client, submitted, approver, pinnwand):
    decide(submitted, approver, "approve")
    assert "Sprachcafé für Frauen" in client.get(pinnwand.url).text
    (message,) = [m for m in mail.outbox if m.to == ["erika@verein.example"]]
    assert "ist freigegeben und steht auf der Pinnwand" in message.body
    assert "/de/pinnwand/sprachcafe-fuer-frauen/" in message.body
    assert OfferSubmission.objects.get().decided_at is not None


def test_sender_hears_of_a_rejection(submitted, approver):
    decide(submitted, approver, "reject")
    (message,) = [m for m in mail.outbox if m.to == ["erika@verein.example"]]
    assert "leider nicht auf der Pinnwand veröffentlichen" in message.body


def test_personal_data_is_purged_after_the_retention_period(submitted, approver):
    decide(submitted, approver, "approve")
    now = timezone.now()
    with time_machine.travel(now + 29 * DAY):
        call_command("purge_offer_submissions")
        assert OfferSubmission.objects.count() == 1
    with time_machine.travel(now + 31 * DAY):
        call_command("purge_offer_submissions")
        assert not OfferSubmission.objects.exists()
    assert NoticePage.objects.get().live  # the notice itself stays


def test_undecided_submissions_are_kept_until_the_maximum_age(submitted, settings):
    settings.KUPFERSTADT_SUBMISSION_MAX_AGE_DAYS = 180
    now = timezone.now()
    with time_machine.travel(now + 179 * DAY):
        call_command("purge_offer_submissions")
        assert OfferSubmission.objects.count() == 1
    with time_machine.travel(now + 181 * DAY):
        call_command("purge_personal_data")
        assert not OfferSubmission.objects.exists()
    assert NoticePage.objects.get().current_workflow_state  # the notice stays in approval
