"""The three editorial roles: who may add, edit, delete and publish which pages, checked
through Wagtail's permission testers and through the admin's own views."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from home.roles import APPROVERS, EDITORS, PARTNERS, setup_roles

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
        assert client.login(username=username, password="geheim-123")
        assert [g.name for g in client.get("/admin/").wsgi_request.user.groups.all()] == [group]
