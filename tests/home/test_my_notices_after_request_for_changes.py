"""When the Sozialplanung asks for changes, "Meine Aushänge" tells the partner to act
("Änderungen erbeten") instead of "In Freigabe", which meant waiting."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import TaskState

from home.roles import APPROVERS, PARTNERS
from tests.utils import visible_text

from ..factories import NoticePageFactory


@pytest.fixture
def submitted(pinnwand, django_user_model):
    partner = django_user_model.objects.create_user("partner", "partner@example.org", "x")
    partner.groups.add(Group.objects.get(name=PARTNERS))
    approver = django_user_model.objects.create_user("freigabe", "freigabe@example.org", "x")
    approver.groups.add(Group.objects.get(name=APPROVERS))
    notice = NoticePageFactory(parent=pinnwand, title="Nähcafé", owner=partner, live=False)
    notice.save_revision(user=partner)
    workflow_state = notice.get_workflow().start(notice, partner)
    return partner, approver, notice, workflow_state


def my_notices(client, user):
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    start = html.index('id="pinnwand-meine-aushaenge-section"')
    return visible_text(html[start : html.index("</section>", start)])


def test_notice_shows_changes_requested_after_the_approver_asks_for_them(client, submitted):
    partner, approver, _notice, workflow_state = submitted
    task_state = workflow_state.current_task_state
    task_state.specific.task.specific.on_action(
        task_state, approver, "reject", comment="Bitte ergänzen Sie die Uhrzeit."
    )
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_REJECTED
    text = my_notices(client, partner)
    assert "Nähcafé – Änderungen erbeten" in text
    assert "In Freigabe" not in text
