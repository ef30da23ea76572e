"""The admin refuses images a server cannot safely decode, SVG images and oversized
files, with a German message; the upload form keeps working for normal images."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model


def png(width, height, mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, "PNG")
    return buffer.getvalue()


def upload(admin_client, name, content, content_type="image/png"):
    return admin_client.post(
        "/admin/images/add/",
        {
            "title": "Hochgeladen",
            "description": "Ein schwarzes Testbild",  # the alternative text is required
            "file": SimpleUploadedFile(name, content, content_type),
        },
    )


@pytest.mark.django_db
def test_normal_image_is_accepted(admin_client, home):
    response = upload(admin_client, "foto.png", png(800, 600))
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="Hochgeladen").exists()


@pytest.mark.django_db
def test_decompression_bomb_is_rejected_in_german(admin_client, home):
    # 8000 × 8000 pixels, a few kilobytes on disk, 64 million pixels in memory.
    bomb = png(8000, 8000, mode="1")
    assert len(bomb) < 100_000
    response = upload(admin_client, "bombe.png", bomb)
    assert response.status_code == 200
    assert "Die Datei hat zu viele Pixel (64000000). Höchstens 40000000 Pixel" in (
        response.content.decode()
    )
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_svg_images_are_refused(admin_client, home):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload(admin_client, "logo.svg", svg, "image/svg+xml")
    assert response.status_code == 200
    assert "Nicht unterstütztes Bildformat" in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_oversized_image_file_is_refused(admin_client, home, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10_000
    response = upload(admin_client, "gross.png", png(800, 800) + b"\0" * 20_000)
    assert response.status_code == 200
    assert "Die Datei ist zu groß" in response.content.decode()


@pytest.mark.django_db
def test_html_and_svg_documents_are_refused(admin_client, home):
    for name in ("seite.html", "logo.svg"):
        response = admin_client.post(
            "/admin/documents/add/",
            {"title": name, "file": SimpleUploadedFile(name, b"<svg></svg>", "image/svg+xml")},
        )
        assert response.status_code == 200, name
        assert "Dateiendung „" in response.content.decode(), name


@pytest.mark.django_db
def test_oversized_document_is_refused(admin_client, home, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1_000
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Flyer", "file": SimpleUploadedFile("flyer.pdf", b"%PDF-1.4" + b"0" * 5_000)},
    )
    assert response.status_code == 200
    assert "Die Datei ist zu groß" in response.content.decode()
