""" "Angebot melden" stores uploads under a name of its own with the extension of the
detected format, never the visitor's: a PNG named "x.html" or a GIF/JavaScript polyglot
named "p.js" must not be served as a page or a script. Wagtail's own upload rules apply
as in the admin, where such names are refused."""

import io
import mimetypes

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from home.models import NoticePage
from home.roles import PARTNERS

from ..factories import png_bytes
from .test_offer_submission_form import PDF, data

HTML_TAIL = b"<html><body><script>alert(document.domain)</script></body></html>"


def gif_script_polyglot():
    """A valid GIF whose bytes also run as JavaScript (GIF89a=...;alert(1)//)."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), (184, 115, 51)).save(buffer, "GIF")
    return buffer.getvalue() + b"\n;alert(document.domain);//"


def upload(name, content, content_type):
    return SimpleUploadedFile(name, content, content_type=content_type)


def stored_notice(client, offer_page, **files):
    response = client.post(offer_page.url, data(**files))
    assert response.status_code == 302, response.text
    return NoticePage.objects.get()


def served_as(file_name):
    return mimetypes.guess_type(file_name)[0]


def test_png_named_html_is_stored_as_png_named_after_the_title(client, offer_page):
    notice = stored_notice(
        client, offer_page, image=upload("x.html", png_bytes() + HTML_TAIL, "text/html")
    )
    name = notice.image.file.name
    assert name == "original_images/sprachcafe-fuer-frauen.png"
    assert served_as(notice.image.file.url) == "image/png"


def test_gif_script_polyglot_named_js_is_stored_as_gif(client, offer_page):
    notice = stored_notice(
        client, offer_page, image=upload("p.js", gif_script_polyglot(), "text/javascript")
    )
    assert notice.image.file.name.endswith("/sprachcafe-fuer-frauen.gif")
    assert served_as(notice.image.file.url) == "image/gif"


def test_jpeg_named_png_gets_the_extension_of_its_format(client, offer_page):
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6)).save(buffer, "JPEG")
    notice = stored_notice(client, offer_page, image=upload("foto.png", buffer.getvalue(), ""))
    assert notice.image.file.name.endswith(".jpg")


def test_pdf_named_html_is_stored_and_served_as_pdf(client, offer_page):
    notice = stored_notice(client, offer_page, pdf=upload("flyer.html", PDF, "text/html"))
    notice.get_latest_revision().publish()  # approved: the flyer is public now
    document = notice.documents[0].value["document"]
    assert document.file.name == "documents/sprachcafe-fuer-frauen.pdf"
    response = client.get(document.url)
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_title_without_letters_gives_a_neutral_name(client, offer_page):
    response = client.post(
        offer_page.url, data(title="„…“", image=upload("../../x.html", png_bytes(), ""))
    )
    assert response.status_code == 302
    assert get_image_model().objects.get().file.name == "original_images/angebot.png"


def test_formats_the_site_does_not_allow_are_refused_as_in_the_admin(client, offer_page, settings):
    settings.WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
    response = client.post(
        offer_page.url, data(image=upload("bild.gif", gif_script_polyglot(), ""))
    )
    assert response.status_code == 200
    assert "Nicht unterstütztes Bildformat" in response.text
    assert 'value="Sprachcafé für Frauen"' in response.text
    assert not NoticePage.objects.exists() and not get_image_model().objects.exists()


def test_wagtails_image_size_limit_applies(client, offer_page, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10
    response = client.post(offer_page.url, data(image=upload("bild.png", png_bytes(), "")))
    assert response.status_code == 200
    assert "Die Datei ist zu groß" in response.text
    assert not NoticePage.objects.exists()


def test_wagtails_document_rules_apply(client, offer_page, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 10
    response = client.post(offer_page.url, data(pdf=upload("flyer.pdf", PDF, "")))
    assert response.status_code == 200
    assert "Die Datei ist zu groß" in response.text
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = None
    settings.WAGTAILDOCS_EXTENSIONS = ["odt"]
    response = client.post(offer_page.url, data(pdf=upload("flyer.pdf", PDF, "")))
    assert response.status_code == 200
    assert "Dateiendung „pdf“ ist nicht erlaubt" in response.text
    assert not NoticePage.objects.exists()


@pytest.fixture
def partner_client(client, django_user_model, pinnwand):
    user = django_user_model.objects.create_user("partner", "partner@verein.example", "x")
    user.groups.add(Group.objects.get(name=PARTNERS))
    client.force_login(user)
    return client


UNSUPPORTED = "Nicht unterstütztes Bildformat"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("x.html", png_bytes() + HTML_TAIL, UNSUPPORTED),
        ("p.js", gif_script_polyglot(), UNSUPPORTED),
        ("p.png", gif_script_polyglot(), "Kein gültiges .png-Bild."),
    ],
)
def test_admin_upload_refuses_polyglots_under_other_names(partner_client, name, content, message):
    response = partner_client.post(
        "/admin/images/add/",
        {
            "title": "Hochgeladen",
            "description": "Ein Testbild",
            "file": SimpleUploadedFile(name, content, "image/png"),
        },
    )
    assert response.status_code == 200
    assert message in response.text
    assert not get_image_model().objects.exists()
