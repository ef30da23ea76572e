"""The first autosave of a new page and a click on "Veröffentlichen" race each other on
the create form: the editor gets the form back with a German message and everything
typed, never a server error (kupferstadt/page_creation.py)."""

import contextlib

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.admin.forms.pages import WagtailAdminPageForm

from home.roles import EDITORS
from kupferstadt.models import StandardPage

from ..utils import page_form_data

AUTOSAVE = {"Accept": "application/json"}  # as Wagtail's autosave controller posts
PUBLISH = {"action-publish": "action-publish"}


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redakteurin", password="geheim-geheim")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


@pytest.fixture
def browser(client, editor):
    client.force_login(editor)
    client.raise_request_exception = False  # see the status code a browser would get
    return client


@pytest.fixture
def create_url(home):
    return f"/admin/pages/add/kupferstadt/standardpage/{home.pk}/"


@pytest.fixture
def form_data(home, editor):
    page = StandardPage(title="Sommerfest im Park", slug="sommerfest", intro="Am Samstag.")
    return page_form_data(page, home, editor)


@contextlib.contextmanager
def arriving_after_validation(monkeypatch, browser, url, data, **headers):
    """The next create request of the test runs up to its form's validation; then this
    other request from the same browser (session) is served completely, as when it
    overtakes the first one on another worker. Its response is in the yielded dict."""
    other = Client(raise_request_exception=False)
    other.cookies = browser.cookies
    clean = WagtailAdminPageForm.clean
    overtaking = {}

    def clean_then_overtake(form):
        cleaned_data = clean(form)
        if not overtaking:
            overtaking["started"] = True
            overtaking["response"] = other.post(url, data, headers=headers)
        return cleaned_data

    monkeypatch.setattr(WagtailAdminPageForm, "clean", clean_then_overtake)
    try:
        yield overtaking
    finally:
        monkeypatch.setattr(WagtailAdminPageForm, "clean", clean)


def german_pages(slug):
    return StandardPage.objects.filter(slug=slug, locale__language_code="de")


def test_publish_overtaken_by_the_first_autosave_gives_the_form_back(
    monkeypatch, browser, create_url, form_data
):
    with arriving_after_validation(
        monkeypatch, browser, create_url, form_data, **AUTOSAVE
    ) as autosave:
        response = browser.post(create_url, {**form_data, **PUBLISH})

    assert autosave["response"].status_code == 200
    draft = german_pages("sommerfest").get()
    assert autosave["response"].json()["pk"] == draft.pk
    assert response.status_code == 200
    text = response.content.decode()
    assert "Die Seite konnte wegen Prüfungsfehlern nicht erstellt werden." in text
    assert "bereits verwendet" in text
    assert "Diese Seite wurde inzwischen automatisch als Entwurf" in text
    assert f'href="/admin/pages/{draft.pk}/edit/"' in text
    # Nothing typed is lost: the form comes back filled in.
    assert 'value="Sommerfest im Park"' in text
    assert "Am Samstag." in text
    # Only the autosave's draft exists, unpublished.
    assert not draft.live


def test_autosave_overtaken_by_the_publish_gets_a_json_error(
    monkeypatch, browser, create_url, form_data
):
    with arriving_after_validation(
        monkeypatch, browser, create_url, {**form_data, **PUBLISH}
    ) as publish:
        response = browser.post(create_url, form_data, headers=AUTOSAVE)

    assert publish["response"].status_code == 302
    assert german_pages("sommerfest").get().live
    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"


def test_publish_after_the_first_autosave_points_to_the_draft(browser, create_url, form_data):
    autosave = browser.post(create_url, form_data, headers=AUTOSAVE)
    response = browser.post(create_url, {**form_data, **PUBLISH})

    draft = german_pages("sommerfest").get()
    assert autosave.json()["pk"] == draft.pk
    assert response.status_code == 200
    text = response.content.decode()
    assert "Die Seite konnte wegen Prüfungsfehlern nicht erstellt werden." in text
    assert "bereits verwendet" in text
    assert "Diese Seite wurde inzwischen automatisch als Entwurf" in text
    assert f'href="/admin/pages/{draft.pk}/edit/"' in text
    assert 'value="Sommerfest im Park"' in text
    assert not draft.live


def test_someone_elses_page_under_the_slug_is_no_autosaved_draft(
    browser, create_url, form_data, home, admin_user
):
    # A page of another editor, published.
    other = StandardPage(title="Sommerfest", slug="sommerfest", owner=admin_user)
    home.add_child(instance=other)

    response = browser.post(create_url, {**form_data, **PUBLISH})

    assert response.status_code == 200
    text = response.content.decode()
    assert "bereits verwendet" in text
    assert "automatisch als Entwurf" not in text
