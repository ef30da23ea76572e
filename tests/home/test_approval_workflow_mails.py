"""A partner's notice goes through "Freigabe Pinnwand": the approvers get an e-mail when
it is submitted, the partner one when it is approved, and then it hangs on the board."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from home.roles import APPROVERS, PARTNERS

from ..factories import NoticePageFactory

APPROVER_MAIL = "sozialplanung@stolberg.example"


@pytest.fixture
def partner(django_user_model, pinnwand):
    user = django_user_model.objects.create_user("partner", "partner@verein.example", "x")
    user.groups.add(Group.objects.get(name=PARTNERS))
    return user


@pytest.fixture
def approver(django_user_model, pinnwand):
    user = django_user_model.objects.create_user("freigabe", APPROVER_MAIL, "x")
    user.groups.add(Group.objects.get(name=APPROVERS))
    return user


@pytest.fixture
def submitted(pinnwand, partner, approver):
    notice = NoticePageFactory(parent=pinnwand, title="Sprachcafé", owner=partner, live=False)
    notice.save_revision(user=partner)
    notice.get_workflow().start(notice, partner)
    return notice


def test_approvers_are_mailed_when_a_partner_submits(submitted):
    to_approver = [message for message in mail.outbox if message.to == [APPROVER_MAIL]]
    assert to_approver, [message.to for message in mail.outbox]
    assert "Sprachcafé" in to_approver[0].subject
    assert f"/admin/pages/{submitted.pk}/edit/" in to_approver[0].body
    assert not [message for message in mail.outbox if "partner@verein.example" in message.to]


def test_partner_is_mailed_and_notice_is_live_after_approval(client, pinnwand, submitted, approver):
    mail.outbox.clear()
    task_state = submitted.current_workflow_task_state
    client.force_login(approver)
    response = client.post(
        f"/admin/pages/workflow/action/{submitted.pk}/approve/{task_state.pk}/",
        {"comment": "Passt."},
    )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.live
    (message,) = [message for message in mail.outbox if "partner@verein.example" in message.to]
    assert "Sprachcafé" in message.subject
    assert "Sprachcafé" in client.get(pinnwand.url).text


def test_partner_cannot_approve_own_notice(client, submitted, partner):
    task_state = submitted.current_workflow_task_state
    client.force_login(partner)
    response = client.post(
        f"/admin/pages/workflow/action/{submitted.pk}/approve/{task_state.pk}/", {}
    )
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert response.url == "/admin/"
    submitted.refresh_from_db()
    assert not submitted.live
