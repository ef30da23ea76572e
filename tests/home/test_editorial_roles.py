"""The three editorial roles: who may add, edit, delete and publish which pages, checked
through Wagtail's permission testers and through the admin's own views."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page

from home.roles import APPROVERS, EDITORS, PARTNERS, setup_roles
from tests.utils import edit_form_data

from ..factories import EventIndexPageFactory, NoticePageFactory


@pytest.fixture
def users(django_user_model, pinnwand):
    def member(name, group):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "geheim")
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return {
        "editor": member("redaktion", EDITORS),
        "partner": member("partner", PARTNERS),
        "other_partner": member("anderer", PARTNERS),
        "approver": member("freigabe", APPROVERS),
        "nobody": member("niemand", None),
    }


@pytest.fixture
def pages(home, pinnwand, users):
    def notice(title, owner, live):
        page = NoticePageFactory(parent=pinnwand, title=title, owner=users[owner], live=live)
        return page

    return {
        "home": home,
        "pinnwand": pinnwand,
        "events": EventIndexPageFactory(parent=home, slug="veranstaltungen"),
        "own_draft": notice("Eigener Entwurf", "partner", False),
        "own_live": notice("Eigener Aushang", "partner", True),
        "other_draft": notice("Fremder Entwurf", "other_partner", False),
        "other_live": notice("Fremder Aushang", "other_partner", True),
    }


# (user, action, page, allowed)
MATRIX = [
    ("partner", "add_subpage", "pinnwand", True),
    ("partner", "edit", "own_draft", True),
    ("partner", "edit", "own_live", True),
    ("partner", "delete", "own_draft", True),
    ("partner", "publish", "own_draft", False),
    ("partner", "delete", "own_live", False),
    ("partner", "edit", "other_draft", False),
    ("partner", "edit", "other_live", False),
    ("partner", "delete", "other_draft", False),
    ("partner", "unpublish", "other_live", False),
    ("partner", "edit", "home", False),
    ("partner", "add_subpage", "home", False),
    ("partner", "edit", "events", False),
    ("partner", "add_subpage", "events", False),
    ("approver", "edit", "other_draft", True),
    ("approver", "publish", "other_draft", True),
    ("approver", "unpublish", "own_live", True),
    ("approver", "add_subpage", "pinnwand", True),
    ("approver", "edit", "home", False),
    ("approver", "edit", "events", False),
    ("editor", "edit", "home", True),
    ("editor", "add_subpage", "home", True),
    ("editor", "edit", "events", True),
    ("editor", "publish", "own_draft", True),
    ("editor", "edit", "other_draft", True),
    ("editor", "unpublish", "other_live", True),
    ("nobody", "edit", "own_draft", False),
    ("nobody", "add_subpage", "pinnwand", False),
]


@pytest.mark.parametrize("who, action, page, allowed", MATRIX)
def test_permission_matrix(users, pages, who, action, page, allowed):
    tester = pages[page].permissions_for_user(users[who])
    assert getattr(tester, f"can_{action}")() is allowed


CHILD_TYPE = {"pinnwand": "home/noticepage", "home": "kupferstadt/standardpage"}
CHILD_TYPE["events"] = "events/eventpage"


def admin_url(action, name, page):
    return {
        "edit": f"/admin/pages/{page.pk}/edit/",
        "delete": f"/admin/pages/{page.pk}/delete/",
        "add_subpage": f"/admin/pages/add/{CHILD_TYPE.get(name)}/{page.pk}/",
        "unpublish": f"/admin/pages/{page.pk}/unpublish/",
    }[action]


@pytest.mark.parametrize(
    "who, action, page, allowed",
    [case for case in MATRIX if case[1] != "publish" and case[0] != "nobody"],
)
def test_admin_views_follow_the_matrix(client, users, pages, who, action, page, allowed):
    client.force_login(users[who])
    response = client.get(admin_url(action, page, pages[page]))
    if allowed:
        assert response.status_code == 200
    else:
        # Wagtail answers a forbidden admin page with a redirect to the dashboard and a
        # message (or 403 for requests that cannot be redirected).
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response.url == "/admin/"


def test_user_without_role_cannot_enter_the_admin(client, users):
    client.force_login(users["nobody"])
    response = client.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_partner_lists_only_own_notices_in_the_explorer(client, users, pages):
    client.force_login(users["partner"])
    html = client.get(f"/admin/pages/{pages['pinnwand'].pk}/").text
    assert "Eigener Entwurf" in html and "Eigener Aushang" in html
    assert "Fremder Entwurf" not in html and "Fremder Aushang" not in html


def test_editor_lists_every_notice_in_the_explorer(client, users, pages):
    client.force_login(users["editor"])
    html = client.get(f"/admin/pages/{pages['pinnwand'].pk}/").text
    assert "Eigener Entwurf" in html and "Fremder Entwurf" in html


@pytest.mark.parametrize(
    "who, url, allowed",
    [
        ("editor", "/admin/snippets/kupferstadt/topic/add/", True),
        ("partner", "/admin/snippets/kupferstadt/topic/add/", False),
        ("approver", "/admin/snippets/kupferstadt/topic/add/", True),
        ("partner", "/admin/snippets/kupferstadt/person/add/", True),
        ("partner", "/admin/images/multiple/add/", True),
        ("partner", "/admin/documents/multiple/add/", True),
        ("editor", "/admin/snippets/kupferstadt/barrierreport/", True),
        ("partner", "/admin/snippets/kupferstadt/barrierreport/", False),
    ],
)
def test_snippet_and_media_permissions(client, users, who, url, allowed):
    client.force_login(users[who])
    response = client.get(url)
    assert (response.status_code == 200) is allowed


def test_setup_is_idempotent_and_assigns_the_workflow(pinnwand):
    before = {group.name: group.permissions.count() for group in Group.objects.all()}
    groups, workflow = setup_roles()
    setup_roles()
    assert {group.name: group.permissions.count() for group in Group.objects.all()} == before
    assert set(groups) == {EDITORS, PARTNERS, APPROVERS}
    assert Page.objects.get(pk=pinnwand.pk).get_workflow() == workflow
    assert workflow.name == "Freigabe Pinnwand"
    (task,) = workflow.tasks.specific()
    assert [group.name for group in task.groups.all()] == [APPROVERS]


def test_demo_creates_one_account_per_role(db, settings, client):
    from django.core.management import call_command

    settings.DEBUG = True
    call_command("load_demo", notices=0, events=0, dev_login="admin:geheim-123")
    call_command("load_demo", notices=0, events=0, dev_login="admin:geheim-123")
    for username, group in [
        ("redaktion", EDITORS),
        ("partner", PARTNERS),
        ("freigabe", APPROVERS),
    ]:
        # Through the login form, as a person would (django-axes wants a request).
        response = client.post(
            "/admin/login/", {"username": username, "password": "geheim-123"}, follow=True
        )
        assert [g.name for g in response.wsgi_request.user.groups.all()] == [group]
        client.logout()


@pytest.fixture
def revised(pages, users):
    """Two logged revisions of each partner's draft: history and comparison have content."""
    for name, owner in [("own_draft", "partner"), ("other_draft", "other_partner")]:
        page = pages[name]
        title = page.title
        page.title = f"{title} (überarbeitet)"
        first = page.save_revision(user=users[owner], log_action=True)
        page.title = f"{title} (zweite Fassung)"
        second = page.save_revision(user=users[owner], log_action=True)
        page.revision_ids, page.base_title = (first.pk, second.pk), title
    return pages


def history_url(view, page):
    first, second = page.revision_ids
    return {
        "history": reverse("wagtailadmin_pages:history", args=[page.pk]),
        "revisions_index": reverse("wagtailadmin_pages:revisions_index", args=[page.pk]),
        "revisions_view": reverse("wagtailadmin_pages:revisions_view", args=[page.pk, first]),
        "revisions_compare": reverse(
            "wagtailadmin_pages:revisions_compare", args=[page.pk, first, second]
        ),
        "preview": reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]),
        "view_draft": reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        "workflow_history": reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
    }[view]


HISTORY_VIEWS = [
    "history",
    "revisions_index",
    "revisions_view",
    "revisions_compare",
    "preview",
    "view_draft",
    "workflow_history",
]
# (user, view, page, allowed): partners see history, revisions and previews of their own
# notices only (the same owner rule as for editing); approvers and the Redaktion all.
HISTORY_MATRIX = [
    *(("partner", view, "other_draft", False) for view in HISTORY_VIEWS),
    *(("partner", view, "own_draft", True) for view in HISTORY_VIEWS),
    *(("approver", view, "other_draft", True) for view in ["history", "revisions_compare"]),
    *(("editor", view, "other_draft", True) for view in ["revisions_view", "view_draft"]),
]


@pytest.mark.parametrize("who, view, page, allowed", HISTORY_MATRIX)
def test_history_revisions_and_preview_follow_the_owner_rule(
    client, users, revised, who, view, page, allowed
):
    client.force_login(users[who])
    notice = revised[page]
    url = history_url(view, notice)
    if view == "preview":
        # The editor's preview: the form is posted, then the preview is shown.
        data = edit_form_data(notice, users[who]) if allowed else {"title": "x"}
        response = client.post(url, data, follow=True)
    else:
        response = client.get(url, follow=True)
    final_url = response.redirect_chain[-1][0] if response.redirect_chain else url
    if allowed:
        assert response.status_code == 200 and final_url != "/admin/"
    else:
        # Refused like every forbidden admin page: back to the dashboard with a message,
        # and nothing of the other partner's notice is shown.
        assert final_url == "/admin/"
        assert notice.base_title not in response.text  # "Fremder Entwurf (…)"
