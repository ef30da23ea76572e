"""The admin's start page shows the Pinnwand's work: "Zur Freigabe", "Läuft bald ab" and
"Abgelaufen", where one click extends a notice by 30 days."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from home.models import NoticePage
from home.roles import APPROVERS, PARTNERS
from tests.utils import visible_text

from ..factories import NoticePageFactory

DAY = datetime.timedelta(days=1)


@pytest.fixture
def member(django_user_model, pinnwand):
    def create(name, group):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "x")
        user.groups.add(Group.objects.get(name=group))
        return user

    return create


@pytest.fixture
def notices(pinnwand, member):
    today = timezone.localdate()
    partner = member("partner", PARTNERS)
    submitted = NoticePageFactory(parent=pinnwand, title="Eingereicht", owner=partner, live=False)
    submitted.save_revision(user=partner)
    submitted.get_workflow().start(submitted, partner)
    return {
        "partner": partner,
        "submitted": submitted,
        "expiring": NoticePageFactory(
            parent=pinnwand, title="Endet bald", valid_until=today + 3 * DAY
        ),
        "far": NoticePageFactory(parent=pinnwand, title="Endet spät", valid_until=today + 60 * DAY),
        "expired": NoticePageFactory(
            parent=pinnwand,
            title="Gerade abgelaufen",
            owner=partner,
            valid_from=today - 20 * DAY,
            valid_until=today - 2 * DAY,
        ),
    }


def panel_text(html, heading):
    text = visible_text(html)
    start = text.index(heading)
    return text[start : start + 400]


def test_approver_sees_the_three_panels(client, notices, member):
    client.force_login(member("freigabe", APPROVERS))
    html = client.get("/admin/").text
    assert "Eingereicht" in panel_text(html, "Zur Freigabe")
    expiring = panel_text(html, "Läuft bald ab")
    assert "Endet bald" in expiring and "Endet spät" not in expiring
    assert "Gerade abgelaufen" in panel_text(html, "Abgelaufen")
    assert "Um 30 Tage verlängern" in html


def test_extend_publishes_a_new_revision_for_who_may_publish(client, notices, member, pinnwand):
    client.force_login(member("freigabe", APPROVERS))
    notice = notices["expired"]
    response = client.post(f"/admin/aushang/{notice.pk}/verlaengern/", follow=True)
    notice.refresh_from_db()
    assert notice.valid_until == timezone.localdate() + 30 * DAY
    assert notice.live and not notice.has_unpublished_changes
    assert "hängt wieder bis" in response.text
    assert "Gerade abgelaufen" in client.get(pinnwand.url).text


def test_extend_leaves_a_draft_for_a_partner(client, notices, pinnwand):
    client.force_login(notices["partner"])
    notice = notices["expired"]
    response = client.post(f"/admin/aushang/{notice.pk}/verlaengern/", follow=True)
    assert "zur Freigabe ein" in response.text
    notice.refresh_from_db()
    assert notice.valid_until == timezone.localdate() - 2 * DAY  # live version unchanged
    draft = notice.get_latest_revision_as_object()
    assert draft.valid_until == timezone.localdate() + 30 * DAY


def test_extend_is_refused_for_other_peoples_notices(client, notices, member):
    client.force_login(member("anderer", PARTNERS))
    notice = notices["expired"]
    response = client.post(f"/admin/aushang/{notice.pk}/verlaengern/")
    # Wagtail answers a forbidden admin request with a redirect to the dashboard.
    assert response.status_code == 302 and response.url == "/admin/"
    assert NoticePage.objects.get(pk=notice.pk).valid_until < timezone.localdate()


def test_extend_needs_post_and_csrf(notices, member):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(member("freigabe", APPROVERS))
    url = f"/admin/aushang/{notices['expired'].pk}/verlaengern/"
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403


def test_panels_without_notices_are_not_shown(client, pinnwand, member):
    client.force_login(member("partner", PARTNERS))
    text = visible_text(client.get("/admin/").text)
    for heading in ["Zur Freigabe", "Läuft bald ab", "Abgelaufen"]:
        assert heading not in text
