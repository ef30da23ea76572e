"""The Redaktion recommends a page for a search that finds nothing (Einstellungen →
Hervorgehobene Suchergebnisse), as the Suchanfragen report suggests."""

import pytest
from django.contrib.auth.models import Group

from home.roles import EDITORS, setup_roles


@pytest.fixture
def member(db, django_user_model):
    setup_roles()

    def create(name, group):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "x")
        user.groups.add(Group.objects.get(name=group))
        return user

    return create


def test_editor_reaches_the_form_for_a_promoted_search_result(client, member):
    client.force_login(member("redaktion", EDITORS))
    response = client.get("/admin/searchpicks/add/")
    assert response.status_code == 200
    assert "Hervorgehobenes Suchergebnis" in response.content.decode()
    assert "/admin/searchpicks/" in client.get("/admin/").content.decode()
