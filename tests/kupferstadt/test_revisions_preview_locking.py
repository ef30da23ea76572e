"""Every page type of the site keeps its revisions, compares them, previews them and can be
locked, through the admin's own views: a superuser saves two versions with different
titles, looks at the history, the comparison and the preview, and locks the page so that
a member of the Redaktion cannot save it until it is unlocked."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import get_page_models

from home.roles import EDITORS
from tests.utils import edit_form_data, visible_text

from .. import factories

PROJECT_APPS = {"home", "events", "projects", "kupferstadt"}
PAGE_MODELS = sorted(
    (model for model in get_page_models() if model._meta.app_label in PROJECT_APPS),
    key=lambda model: model._meta.label,
)

FIRST_TITLE = "Frühlingsfassung"
SECOND_TITLE = "Herbstfassung"
EDITOR_TITLE = "Redaktionsfassung"


# Page type → (fixture of its parent, factory)
PARENTS = {
    "kupferstadt.StandardPage": ("home", factories.StandardPageFactory),
    "kupferstadt.AccessibilityStatementPage": (
        "home",
        factories.AccessibilityStatementPageFactory,
    ),
    "kupferstadt.BarrierReportPage": ("home", factories.BarrierReportPageFactory),
    "kupferstadt.EasyLanguagePage": ("home", factories.EasyLanguagePageFactory),
    "kupferstadt.SignLanguagePage": ("home", factories.SignLanguagePageFactory),
    "home.PinnwandPage": ("home", factories.PinnwandPageFactory),
    "home.NoticePage": ("pinnwand", factories.NoticePageFactory),
    "home.OfferSubmissionPage": ("home", factories.OfferSubmissionPageFactory),
    "events.EventIndexPage": ("home", factories.EventIndexPageFactory),
    "events.EventPage": ("event_index", factories.EventPageFactory),
    "projects.ProjectIndexPage": ("home", factories.ProjectIndexPageFactory),
    "projects.ProjectPage": ("leitbild", factories.ProjectPageFactory),
}


def test_every_page_type_is_covered():
    # A new page type needs a way to be built here (PARENTS and the factories).
    assert {model._meta.label for model in PAGE_MODELS} == set(PARENTS) | {"home.HomePage"}


@pytest.fixture(params=[model._meta.label for model in PAGE_MODELS])
def page(request, home):
    """A page of each type in a minimal tree (the home page is the site's own)."""
    label = request.param
    if label == "home.HomePage":
        return home
    parent_fixture, factory = PARENTS[label]
    return factory(parent=request.getfixturevalue(parent_fixture))


@pytest.fixture
def admin(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", "x")


@pytest.fixture
def editor(django_user_model, home):
    user = django_user_model.objects.create_user("redaktion", "redaktion@example.org", "x")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def revisions(page, admin):
    page.title = FIRST_TITLE
    first = page.save_revision(user=admin, log_action=True)
    page.title = SECOND_TITLE
    second = page.save_revision(user=admin, log_action=True)
    return first, second


def test_history_lists_both_revisions(client, admin, page, revisions):
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert response.status_code == 200
    for revision in revisions:
        assert reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]) in (
            response.text
        )
    index = client.get(reverse("wagtailadmin_pages:revisions_index", args=[page.pk]))
    assert index.status_code == 302 and index.url.endswith(f"/pages/{page.pk}/history/")


def test_comparing_revisions_shows_both_titles(client, admin, page, revisions):
    client.force_login(admin)
    first, second = revisions
    url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    response = client.get(url)
    assert response.status_code == 200
    text = visible_text(response.text)
    assert FIRST_TITLE in text and SECOND_TITLE in text


def test_revision_preview_shows_its_title(client, admin, page, revisions):
    client.force_login(admin)
    first, second = revisions
    for revision, title in [(first, FIRST_TITLE), (second, SECOND_TITLE)]:
        url = reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk])
        response = client.get(url)
        assert response.status_code == 200
        assert title in visible_text(response.text)


def test_preview_of_the_edit_form_shows_the_unsaved_title(client, admin, page, revisions):
    client.force_login(admin)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    response = client.post(url, edit_form_data(page, admin, title="Ungespeicherte Vorschau"))
    assert response.json() == {"is_valid": True, "is_available": True}
    preview = client.get(url)
    assert preview.status_code == 200
    assert "Ungespeicherte Vorschau" in visible_text(preview.text)


def test_locked_page_cannot_be_saved_by_another_editor(client, admin, editor, page, revisions):
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.force_login(admin)
    response = client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.locked and page.locked_by == admin

    client.force_login(editor)
    data = edit_form_data(page, editor, title=EDITOR_TITLE)
    count = page.revisions.count()
    response = client.post(edit_url, data)
    assert response.status_code == 200
    assert "gesperrt" in visible_text(response.text)
    assert page.revisions.count() == count

    client.force_login(admin)
    response = client.post(reverse("wagtailadmin_pages:unlock", args=[page.pk]))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.locked

    client.force_login(editor)
    response = client.post(edit_url, data)
    assert response.status_code == 302, visible_text(response.text)[:2000]
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == EDITOR_TITLE
