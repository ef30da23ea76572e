"""Every image carries an alternative text: images need a description on upload, every
page type with a lead image refuses to publish it without one, and editors get Wagtail's
accessibility checks on the page and in the editor."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from home.roles import EDITORS
from kupferstadt.models import CustomImage, PageImageMixin

from ..factories import ImageFactory, NoticePageFactory, png_bytes

PAGE_TYPES_WITH_IMAGE = sorted(
    (model for model in apps.get_models() if issubclass(model, PageImageMixin)),
    key=lambda model: model._meta.label,
)


def test_notices_and_events_have_lead_images():
    labels = [model._meta.label for model in PAGE_TYPES_WITH_IMAGE]
    assert "home.NoticePage" in labels and "events.EventPage" in labels


@pytest.mark.parametrize("model", PAGE_TYPES_WITH_IMAGE, ids=lambda m: m._meta.label)
def test_lead_image_without_alt_text_is_refused(db, model):
    page = model(title="Mit Bild", slug="mit-bild", image=ImageFactory(), image_alt="  ")
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "Bitte beschreiben Sie das Bild mit einem Alternativtext." in str(
        error.value.message_dict["image_alt"]
    )


@pytest.fixture
def editor(django_user_model, pinnwand):
    user = django_user_model.objects.create_user("redaktion", "r@example.org", "x")
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def upload(client, description):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Sprachcafé",
            "description": description,
            "file": SimpleUploadedFile("cafe.png", png_bytes(), content_type="image/png"),
        },
    )


def test_image_upload_without_description_is_refused(client, editor):
    client.force_login(editor)
    response = upload(client, "")
    assert response.status_code == 200
    assert "Bitte füllen Sie dieses Feld aus." in response.text
    assert "Alternativtext (Bildbeschreibung)" in response.text
    assert not CustomImage.objects.exists()


def test_image_upload_with_description_is_stored(client, editor):
    client.force_login(editor)
    assert upload(client, "Menschen an einem Tisch mit Kaffee").status_code == 302
    assert CustomImage.objects.get().description == "Menschen an einem Tisch mit Kaffee"


def test_editor_gets_the_accessibility_checker_on_the_page_and_in_the_editor(
    client, editor, pinnwand
):
    notice = NoticePageFactory(parent=pinnwand, title="Geprüft")
    client.force_login(editor)
    assert 'id="checker-axe-configuration"' in client.get(notice.url).text
    editor_html = client.get(f"/admin/pages/{notice.pk}/edit/").text
    assert "w-content-checker-row-template" in editor_html  # the "Prüfungen" side panel


def test_citizens_do_not_get_the_checker(client, pinnwand):
    notice = NoticePageFactory(parent=pinnwand, title="Öffentlich")
    assert "checker-axe-configuration" not in client.get(notice.url).text
