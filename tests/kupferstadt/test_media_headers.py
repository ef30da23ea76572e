"""Uploaded files are served as files, never as pages of our origin: media in development
(``make run``) and documents through Wagtail's view carry ``X-Content-Type-Options:
nosniff`` and a Content-Security-Policy of ``default-src 'none'``; documents are not
reachable past Wagtail's view, and nothing HTML-like is shown inline."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.urls import clear_url_caches
from wagtail.documents import get_document_model

import kupferstadt.urls

from ..factories import StandardPageFactory, png_bytes

HTML = b"<html><body><script>alert(document.domain)</script></body></html>"


@pytest.fixture
def development_urls(settings):
    """The URLs as ``make run`` has them (DEBUG adds the media view)."""
    settings.DEBUG = True
    importlib.reload(kupferstadt.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(kupferstadt.urls)
    clear_url_caches()


def media_file(settings, path, content):
    target = settings.MEDIA_ROOT / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


@pytest.mark.parametrize(
    "path, content, content_type",
    [
        ("original_images/foto.png", png_bytes(), "image/png"),
        # An upload from before names were our own: still no page, no script.
        ("original_images/x.html", png_bytes() + HTML, "text/html"),
        ("original_images/p.js", b"GIF89a=1;alert(1)//", "text/javascript"),
    ],
)
def test_media_in_development_are_sandboxed_files(
    client, settings, development_urls, path, content, content_type
):
    media_file(settings, path, content)
    response = client.get(f"/media/{path}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"


@pytest.mark.parametrize(
    "path", ["documents/haushalt.pdf", "original_images/../documents/haushalt.pdf"]
)
def test_documents_are_not_served_past_wagtails_view(
    client, home, settings, development_urls, path
):
    media_file(settings, "documents/haushalt.pdf", b"%PDF-1.4 vertraulich")
    assert client.get(f"/media/{path}").status_code == 404


def document(name, content):
    return get_document_model().objects.create(title=name, file=ContentFile(content, name=name))


def test_pdf_documents_are_shown_inline_without_scripts(client, db):
    pdf = document("flyer.pdf", b"%PDF-1.4\n" + HTML)
    response = client.get(pdf.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize("name", ["alt.html", "notiz.txt", "logo.svg"])
def test_html_like_documents_are_only_downloaded(client, home, name):
    # Stored before the extension rules, or by a script: still never a page of the site.
    file = document(name, HTML)
    StandardPageFactory(
        parent=home, body=[{"type": "document", "value": {"document": file.pk, "title": ""}}]
    )
    response = client.get(file.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
