""" "Um 30 Tage verlängern" moves the date of what is live and nothing else: a partner's
draft waiting for approval is neither published nor lost, and stays in its workflow."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import WorkflowState

from home.models import NoticePage
from home.roles import APPROVERS, EDITORS, PARTNERS

from ..factories import NoticePageFactory

DAY = datetime.timedelta(days=1)
OLD_TEXT = "Treffen jeden Dienstag im Jugendzentrum."
NEW_TEXT = "Ungeprüfter neuer Text der Partnerin."


@pytest.fixture
def member(django_user_model, pinnwand):
    def create(name, group):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "x")
        user.groups.add(Group.objects.get(name=group))
        return user

    return create


@pytest.fixture
def partner(member):
    return member("partner", PARTNERS)


@pytest.fixture
def expired(pinnwand, partner):
    today = timezone.localdate()
    return NoticePageFactory(
        parent=pinnwand,
        title="Jugendtreff",
        teaser=OLD_TEXT,
        owner=partner,
        valid_from=today - 20 * DAY,
        valid_until=today - 2 * DAY,
    )


def submit_new_text(notice, partner):
    """The partner edits the live notice and submits the draft to "Freigabe Pinnwand"."""
    draft = notice.get_latest_revision_as_object()
    draft.teaser = NEW_TEXT
    draft.save_revision(user=partner)
    notice.get_workflow().start(notice, partner)


def extend(client, notice):
    return client.post(f"/admin/aushang/{notice.pk}/verlaengern/", follow=True)


def in_moderation(notice):
    return WorkflowState.objects.active().filter(object_id=str(notice.pk)).exists()


@pytest.mark.parametrize("group", [EDITORS, APPROVERS])
def test_extending_publishes_the_old_text_with_the_new_date_and_keeps_the_draft(
    client, expired, partner, member, pinnwand, group
):
    submit_new_text(expired, partner)
    client.force_login(member("redaktion", group))

    response = extend(client, expired)

    assert response.status_code == 200 and "hängt wieder bis" in response.text
    notice = NoticePage.objects.get(pk=expired.pk)
    assert notice.valid_until == timezone.localdate() + 30 * DAY
    client.logout()
    page = client.get(notice.url)
    assert page.status_code == 200
    assert OLD_TEXT in page.text and NEW_TEXT not in page.text
    assert "Jugendtreff" in client.get(pinnwand.url).text  # on the board again
    draft = notice.get_latest_revision_as_object()
    assert draft.teaser == NEW_TEXT
    assert draft.valid_until == timezone.localdate() + 30 * DAY
    assert notice.has_unpublished_changes
    assert in_moderation(notice)


def test_approving_the_draft_afterwards_publishes_its_text_with_the_new_date(
    client, expired, partner, member
):
    submit_new_text(expired, partner)
    approver = member("freigabe", APPROVERS)
    client.force_login(approver)
    extend(client, expired)

    state = WorkflowState.objects.active().get(object_id=str(expired.pk))
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, approver, "approve")

    client.logout()
    notice = NoticePage.objects.get(pk=expired.pk)
    assert NEW_TEXT in client.get(notice.url).text
    assert notice.valid_until == timezone.localdate() + 30 * DAY


def test_extending_a_never_published_submission_publishes_nothing(client, pinnwand, member):
    partner = member("partner", PARTNERS)
    notice = NoticePageFactory(
        parent=pinnwand, title="Neu eingereicht", teaser=NEW_TEXT, owner=partner, live=False
    )
    notice.save_revision(user=partner)
    notice.get_workflow().start(notice, partner)
    client.force_login(member("redaktion", EDITORS))

    extend(client, notice)

    client.logout()
    assert not NoticePage.objects.get(pk=notice.pk).live
    assert client.get(notice.url).status_code == 404
    assert in_moderation(notice)


def test_a_partner_cannot_extend_a_notice_waiting_for_approval(client, expired, partner):
    submit_new_text(expired, partner)
    client.force_login(partner)

    response = extend(client, expired)

    assert "in der Freigabe" in response.text
    notice = NoticePage.objects.get(pk=expired.pk)
    assert notice.valid_until == timezone.localdate() - 2 * DAY
    draft = notice.get_latest_revision_as_object()
    assert draft.teaser == NEW_TEXT
    assert draft.valid_until == timezone.localdate() - 2 * DAY
    assert in_moderation(notice)


def test_a_partner_extends_their_own_unsubmitted_draft_without_losing_it(client, expired, partner):
    draft = expired.get_latest_revision_as_object()
    draft.teaser = NEW_TEXT
    draft.save_revision(user=partner)
    client.force_login(partner)

    response = extend(client, expired)

    assert "zur Freigabe ein" in response.text
    notice = NoticePage.objects.get(pk=expired.pk)
    assert notice.valid_until == timezone.localdate() - 2 * DAY  # nothing published
    draft = notice.get_latest_revision_as_object()
    assert draft.teaser == NEW_TEXT
    assert draft.valid_until == timezone.localdate() + 30 * DAY
