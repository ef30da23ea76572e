"""The admin's start page shows the Pinnwand's work: "Zur Freigabe" for approvers, "Meine
Aushänge" with their status, "Läuft bald ab" (own notices, next 7 days) and "Abgelaufen",
where one click extends a notice by 30 days."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from home.models import NoticePage
from home.roles import APPROVERS, EDITORS, PARTNERS
from kupferstadt.translation import synchronise_trees
from tests.utils import visible_text

from ..factories import NoticePageFactory

DAY = datetime.timedelta(days=1)
PANELS = {
    "Zur Freigabe": "pinnwand-zur-freigabe",
    "Meine Aushänge": "pinnwand-meine-aushaenge",
    "Läuft bald ab": "pinnwand-laeuft-ab",
    "Abgelaufen": "pinnwand-abgelaufen",
}


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
    editor = member("redaktion", EDITORS)
    submitted = NoticePageFactory(parent=pinnwand, title="Eingereicht", owner=partner, live=False)
    submitted.save_revision(user=partner)
    submitted.get_workflow().start(submitted, partner)
    return {
        "partner": partner,
        "editor": editor,
        "submitted": submitted,
        "expiring": NoticePageFactory(
            parent=pinnwand, title="Endet bald", owner=editor, valid_until=today + 3 * DAY
        ),
        "in_ten_days": NoticePageFactory(
            parent=pinnwand, title="Endet in zehn Tagen", owner=editor, valid_until=today + 10 * DAY
        ),
        "others_expiring": NoticePageFactory(
            parent=pinnwand, title="Fremder endet bald", owner=partner, valid_until=today + 2 * DAY
        ),
        "expired": NoticePageFactory(
            parent=pinnwand,
            title="Gerade abgelaufen",
            owner=partner,
            valid_from=today - 20 * DAY,
            valid_until=today - 2 * DAY,
        ),
        "unowned_expired": NoticePageFactory(
            parent=pinnwand,
            title="Gemeldet und abgelaufen",
            owner=None,
            valid_from=today - 20 * DAY,
            valid_until=today - 1 * DAY,
        ),
    }


def panel(html, heading):
    """The visible text of one dashboard panel, or None when it is not shown."""
    match = re.search(
        rf'<section[^>]*id="{PANELS[heading]}-section".*?</section>', html, flags=re.S
    )
    return visible_text(match.group(0)) if match else None


def dashboard(client, user):
    client.force_login(user)
    return client.get("/admin/").text


def test_approver_sees_what_awaits_approval(client, notices, member):
    html = dashboard(client, member("freigabe", APPROVERS))
    assert "Eingereicht" in panel(html, "Zur Freigabe")
    assert "Um 30 Tage verlängern" in panel(html, "Abgelaufen")


def test_zur_freigabe_is_for_approvers_only(client, notices):
    # The partner submitted it, the Redaktion is no approver: neither may decide it.
    for who in ["partner", "editor"]:
        assert panel(dashboard(client, notices[who]), "Zur Freigabe") is None


def test_meine_aushaenge_lists_own_notices_newest_first_with_status(client, notices, pinnwand):
    partner = notices["partner"]
    draft = NoticePageFactory(parent=pinnwand, title="Neuester Entwurf", owner=partner, live=False)
    draft.save_revision(user=partner)
    text = panel(dashboard(client, partner), "Meine Aushänge")
    assert text.index("Neuester Entwurf") < text.index("Eingereicht")
    for title, status in [
        ("Neuester Entwurf", "Entwurf"),
        ("Eingereicht", "In Freigabe"),
        ("Fremder endet bald", "Veröffentlicht"),
        ("Gerade abgelaufen", "Abgelaufen"),
    ]:
        assert re.search(rf"{title} [\d.–]+ {status}\b", text), (title, status, text)
    assert "Endet bald" not in text  # the editor's
    assert "Gemeldet und abgelaufen" not in text


def test_meine_aushaenge_of_the_redaktion_are_their_own_only(client, notices):
    text = panel(dashboard(client, notices["editor"]), "Meine Aushänge")
    assert "Endet bald" in text and "Endet in zehn Tagen" in text
    assert "Eingereicht" not in text and "Gerade abgelaufen" not in text


def test_laeuft_bald_ab_shows_own_notices_within_seven_days(client, notices):
    text = panel(dashboard(client, notices["editor"]), "Läuft bald ab")
    assert "Endet bald" in text
    assert "Endet in zehn Tagen" not in text  # more than 7 days
    assert "Fremder endet bald" not in text  # the editor may edit it, but it is not theirs


def test_laeuft_bald_ab_for_a_partner(client, notices):
    text = panel(dashboard(client, notices["partner"]), "Läuft bald ab")
    assert "Fremder endet bald" in text and "Endet bald" not in text


def test_abgelaufen_shows_the_redaktion_every_expired_notice(client, notices):
    # Documented in home/dashboard.py: offers from "Angebot melden" have no owner, so the
    # Redaktion sees every expired notice it may edit.
    text = panel(dashboard(client, notices["editor"]), "Abgelaufen")
    assert "Gerade abgelaufen" in text and "Gemeldet und abgelaufen" in text
    assert "Endet bald" not in text


def test_abgelaufen_shows_a_partner_only_their_own(client, notices):
    text = panel(dashboard(client, notices["partner"]), "Abgelaufen")
    assert "Gerade abgelaufen" in text and "Gemeldet und abgelaufen" not in text


def test_extend_publishes_a_new_revision_for_who_may_publish(client, notices, member, pinnwand):
    client.force_login(member("freigabe", APPROVERS))
    notice = notices["expired"]
    revisions = notice.revisions.count()
    response = client.post(f"/admin/aushang/{notice.pk}/verlaengern/", follow=True)
    notice.refresh_from_db()
    assert notice.valid_until == timezone.localdate() + 30 * DAY
    assert notice.live and not notice.has_unpublished_changes
    assert notice.revisions.count() == revisions + 1
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
    html = dashboard(client, member("partner", PARTNERS))
    for heading in PANELS:
        assert panel(html, heading) is None
        assert heading not in visible_text(html)


def test_panels_list_each_notice_once_with_every_language_set_up(client, notices, languages):
    # Every German notice has an alias in each other language's tree (same owner, same
    # dates); the panels list the notice, not its mirrors.
    synchronise_trees()
    editor = notices["editor"]
    assert NoticePage.objects.filter(title="Endet bald").count() == len(languages)
    html = dashboard(client, editor)
    assert panel(html, "Meine Aushänge").count("Endet bald") == 1
    assert panel(html, "Läuft bald ab").count("Endet bald") == 1
    expired = panel(html, "Abgelaufen")
    assert expired.count("Gerade abgelaufen") == 1
    assert expired.count("Gemeldet und abgelaufen") == 1
    partner_html = dashboard(client, notices["partner"])
    assert panel(partner_html, "Meine Aushänge").count("Fremder endet bald") == 1


def test_aging_pages_report_lists_each_notice_once(client, notices, languages, admin_user):
    synchronise_trees()
    # The report lists published pages; the aliases carry their original's date.
    NoticePage.objects.update(last_published_at=timezone.now() - datetime.timedelta(days=90))
    assert NoticePage.objects.filter(title="Endet bald").count() == len(languages)
    client.force_login(admin_user)
    for address in ("/admin/reports/aging-pages/", "/admin/reports/aging-pages/results/"):
        response = client.get(address)
        assert response.status_code == 200
        assert response.content.decode().count("Endet bald") == 1


def test_aging_pages_report_asks_visitors_to_log_in(client):
    response = client.get("/admin/reports/aging-pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
