"""Editors can open the add and edit forms of every page type and snippet (in German)."""

import pytest

from kupferstadt.models import Audience, District, Organisation, Person, Topic, Venue

from ..factories import (
    EventPageFactory,
    NoticePageFactory,
    ProjectPageFactory,
    StandardPageFactory,
)


@pytest.fixture
def editor(client, admin_user):
    client.force_login(admin_user)
    return client


def test_add_and_edit_forms_of_every_page_type(editor, home, pinnwand, event_index, leitbild):
    children = {
        (home, "kupferstadt", "standardpage"): StandardPageFactory(parent=home),
        (pinnwand, "home", "noticepage"): NoticePageFactory(parent=pinnwand),
        (event_index, "events", "eventpage"): EventPageFactory(parent=event_index),
        (leitbild, "projects", "projectpage"): ProjectPageFactory(parent=leitbild),
    }
    for (parent, app, model), child in children.items():
        add = editor.get(f"/admin/pages/add/{app}/{model}/{parent.pk}/")
        assert add.status_code == 200, model
        assert editor.get(f"/admin/pages/{child.pk}/edit/").status_code == 200, model
    for page in (home, pinnwand, event_index, leitbild):
        assert editor.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


@pytest.mark.parametrize("model", [Topic, Audience, District, Organisation, Person, Venue])
def test_snippet_forms_open(editor, home, model):
    meta = model._meta
    response = editor.get(f"/admin/snippets/{meta.app_label}/{meta.model_name}/add/")
    assert response.status_code == 200
    assert str(meta.verbose_name) in response.text


def test_venue_with_half_a_coordinate_is_rejected(editor, home):
    response = editor.post(
        "/admin/snippets/kupferstadt/venue/add/",
        {
            "name": "Halle",
            "street": "Weg 1",
            "postal_code": "52222",
            "city": "Stolberg",
            "latitude": "50.7",
            "longitude": "",
            "step_free_access": "",
            "accessibility_notes": "",
        },
    )
    assert response.status_code == 200
    assert "Breiten- und Längengrad gemeinsam" in response.text
    assert not Venue.objects.filter(name="Halle").exists()
