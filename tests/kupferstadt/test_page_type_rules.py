"""Parent/subpage rules: every page type can only be created where it belongs."""

import pytest
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from home.models import HomePage, NoticePage, PinnwandPage
from kupferstadt.models import StandardPage
from projects.models import ProjectIndexPage, ProjectPage


@pytest.fixture
def tree(home, pinnwand, event_index, leitbild):
    return {
        "root": Page.get_first_root_node(),
        "home": home,
        "pinnwand": pinnwand,
        "events": event_index,
        "leitbild": leitbild,
    }


ALLOWED = {
    HomePage: {"root"},
    PinnwandPage: {"home"},
    NoticePage: {"pinnwand"},
    EventIndexPage: {"home"},
    EventPage: {"events"},
    ProjectIndexPage: {"home"},
    ProjectPage: {"leitbild"},
    StandardPage: {"home"},
}


@pytest.mark.parametrize("model", list(ALLOWED), ids=lambda m: m.__name__)
def test_page_type_can_only_be_created_under_its_parent_type(tree, model):
    for name, parent in tree.items():
        parent = parent.specific
        expected = name in ALLOWED[model]
        assert model.can_create_at(parent) is expected, f"{model.__name__} under {name}"


def test_notice_cannot_be_added_outside_a_pinnwand_in_the_admin(client, home, admin_user):
    client.force_login(admin_user)
    response = client.get(f"/admin/pages/add/home/noticepage/{home.pk}/")
    assert response.status_code in (302, 403)
    assert not NoticePage.objects.exists()


def test_notice_add_form_opens_under_a_pinnwand(client, pinnwand, admin_user):
    client.force_login(admin_user)
    response = client.get(f"/admin/pages/add/home/noticepage/{pinnwand.pk}/")
    assert response.status_code == 200
    assert "Aushang bis" in response.text
