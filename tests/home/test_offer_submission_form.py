""" "Angebot melden": a provider's offer becomes a draft notice waiting for the
Sozialplanung's approval; uploads are checked by their content; every rejection keeps
what was typed; senders are rate-limited per address."""

import datetime
import re
import time

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from home.models import NoticePage, OfferSubmission
from kupferstadt.forms import form_token
from kupferstadt.models import SiteSettings
from tests.utils import visible_text

from ..factories import StandardPageFactory, TopicFactory, png_bytes

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def data(**overrides):
    today = timezone.localdate()
    values = {
        "title": "Sprachcafé für Frauen",
        "teaser": "Jeden Dienstag Deutsch sprechen bei Tee und Kuchen.",
        "description": "Im Treffpunkt Mühle, 15 bis 17 Uhr, kostenlos.",
        "provider": "Frauen helfen Frauen e. V.",
        "region": "city",
        "valid_from": today.isoformat(),
        "valid_until": (today + datetime.timedelta(days=60)).isoformat(),
        "image_alt": "Frauen an einem Tisch mit Teetassen",
        "name": "Erika Muster",
        "email": "erika@verein.example",
        "phone": "02402 12345",
        "consent": "on",
        "website": "",
        "started": form_token(time.time() - 10),
    }
    values.update(overrides)
    return values


def image_upload(content=None, name="cafe.png"):
    return SimpleUploadedFile(name, content or png_bytes(), content_type="image/png")


def pdf_upload(content=PDF, name="flyer.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def test_form_shows_every_field_and_accepts_files(client, offer_page):
    html = client.get(offer_page.url).text
    assert 'enctype="multipart/form-data"' in html
    text = visible_text(html)
    for label in ["Titel des Angebots", "Kurzbeschreibung", "Anbieter", "Aushang ab", "Bild"]:
        assert label in text
    assert "Flyer als PDF" in text and "Ihre E-Mail-Adresse" in text


def test_offer_becomes_a_draft_notice_waiting_for_approval(client, offer_page, pinnwand):
    topic = TopicFactory(name="Integration")
    response = client.post(
        offer_page.url,
        data(topics=[topic.pk], image=image_upload(), pdf=pdf_upload()),
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/de/angebot-melden/danke/"
    assert "Vielen Dank! Ihr Angebot ist bei uns angekommen." in response.text

    notice = NoticePage.objects.child_of(pinnwand).get()
    assert notice.title == "Sprachcafé für Frauen" and not notice.live
    assert notice.owner is None and notice.workflow_in_progress
    assert list(notice.topics.all()) == [topic]
    assert notice.image.description == "Frauen an einem Tisch mit Teetassen"
    assert notice.image_alt == "Frauen an einem Tisch mit Teetassen"
    (document,) = notice.documents
    assert document.value["document"].file.read(5) == b"%PDF-"
    assert "Anbieter: Frauen helfen Frauen e. V." in str(notice.body)

    submission = OfferSubmission.objects.get()
    assert submission.notice_id == notice.pk and submission.email == "erika@verein.example"
    assert "Sprachcafé" not in client.get(pinnwand.url).text


def test_a_form_page_from_before_sending_the_old_german_region_still_works(
    client, offer_page, pinnwand
):
    response = client.post(offer_page.url, data(region="stadt"), follow=True)
    assert response.redirect_chain[-1][0] == "/de/angebot-melden/danke/"
    assert NoticePage.objects.child_of(pinnwand).get().region == "city"


def test_approvers_get_the_edit_link_and_the_sender_a_confirmation(client, offer_page):
    client.post(offer_page.url, data())
    notice = NoticePage.objects.get()
    to_approver = [m for m in mail.outbox if m.to == ["sozialplanung@stolberg.example"]]
    assert to_approver and f"/admin/pages/{notice.pk}/edit/" in to_approver[0].body
    (confirmation,) = [m for m in mail.outbox if m.to == ["erika@verein.example"]]
    assert "Sprachcafé für Frauen" in confirmation.subject
    assert "Guten Tag Erika Muster" in confirmation.body


def test_submitted_offer_is_listed_zur_freigabe(client, offer_page, approver):
    client.post(offer_page.url, data())
    client.force_login(approver)
    text = visible_text(client.get("/admin/").text)
    panel = text[text.index("Zur Freigabe") :]
    assert "Sprachcafé für Frauen" in panel and "Erika Muster (Angebot melden)" in panel


SHOWN_MESSAGES = {
    "title": "Bitte füllen Sie dieses Feld aus.",
    "not_image": "Das ist kein Bild im Format JPEG, PNG, WebP oder GIF.",
    "not_pdf": "Das ist keine PDF-Datei.",
    "alt": "Bitte beschreiben Sie das Bild in ein paar Worten.",
    "consent": "Bitte stimmen Sie zu, dass wir Ihre Angaben speichern dürfen; sonst können "
    "wir Ihr Angebot nicht prüfen.",
}


@pytest.mark.parametrize(
    "overrides, files, message",
    [
        ({"title": ""}, {}, SHOWN_MESSAGES["title"]),
        ({}, {"image": b"GIF89a but really a script"}, SHOWN_MESSAGES["not_image"]),
        ({}, {"image": PDF}, SHOWN_MESSAGES["not_image"]),
        ({}, {"image": png_bytes()[:60]}, SHOWN_MESSAGES["not_image"]),
        ({}, {"pdf": b"<html>kein PDF</html>"}, SHOWN_MESSAGES["not_pdf"]),
        ({"image_alt": " "}, {"image": None}, SHOWN_MESSAGES["alt"]),
        ({"valid_until": "2020-01-01"}, {}, "„Aushang bis“ liegt in der Vergangenheit."),
        ({"website": "http://spam.example"}, {}, "Ihre Nachricht konnte nicht gesendet werden."),
        ({"started": "gefälscht"}, {}, "Das Formular war nicht vollständig."),
        ({"email": "keine-adresse"}, {}, "Bitte geben Sie eine gültige E-Mail-Adresse ein."),
        ({"consent": ""}, {}, SHOWN_MESSAGES["consent"]),
    ],
    ids=[
        "no-title",
        "fake-image",
        "pdf-as-image",
        "truncated-png",
        "fake-pdf",
        "image-without-alt",
        "until-in-the-past",
        "honeypot",
        "forged-token",
        "bad-email",
        "no-consent",
    ],
)
def test_rejections_keep_the_text_and_explain(client, offer_page, overrides, files, message):
    uploads = {}
    if "image" in files:
        uploads["image"] = image_upload(files["image"])
    if "pdf" in files:
        uploads["pdf"] = pdf_upload(files["pdf"])
    response = client.post(offer_page.url, data(**overrides, **uploads))
    assert response.status_code == 200
    assert message in response.text and 'role="alert"' in response.text
    assert "Jeden Dienstag Deutsch sprechen bei Tee und Kuchen." in response.text
    assert 'value="Frauen helfen Frauen e. V."' in response.text
    if uploads:
        assert "Bitte wählen Sie Bild und PDF-Datei noch einmal aus." in response.text
    assert not NoticePage.objects.exists() and not OfferSubmission.objects.exists()


def test_too_large_uploads_are_refused(client, offer_page, settings):
    settings.KUPFERSTADT_SUBMISSION_MAX_UPLOAD_MB = 0
    response = client.post(offer_page.url, data(pdf=pdf_upload()))
    assert "Die Datei ist zu groß (höchstens 0 MB)." in response.text
    assert not NoticePage.objects.exists()


def test_images_with_too_many_pixels_are_refused(client, offer_page, settings):
    settings.KUPFERSTADT_SUBMISSION_MAX_PIXELS = 2_000_000
    big = png_bytes(size=(2000, 1001))
    response = client.post(offer_page.url, data(image=image_upload(big)))
    assert "Das Bild ist zu groß (höchstens 2 Megapixel)." in response.text
    assert not NoticePage.objects.exists()


def test_senders_are_rate_limited_per_address(client, offer_page, settings):
    settings.KUPFERSTADT_SUBMISSION_RATE_LIMIT = 2
    for number in range(2):
        response = client.post(offer_page.url, data(title=f"Angebot {number}"))
        assert response.status_code == 302
    response = client.post(offer_page.url, data(title="Angebot drei"))
    assert response.status_code == 429
    assert "in der letzten Stunde schon mehrere Angebote" in response.text
    assert 'value="Angebot drei"' in response.text
    assert NoticePage.objects.count() == 2
    other = client.post(offer_page.url, data(title="Von woanders"), REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_pinnwand_links_to_the_form(client, offer_page, pinnwand):
    html = client.get(pinnwand.url).text
    assert '<a href="/de/angebot-melden/">Eigenes Angebot melden</a>' in html


def test_decompression_bombs_are_refused(client, offer_page, monkeypatch):
    from PIL import Image as PILImage

    monkeypatch.setattr(PILImage, "MAX_IMAGE_PIXELS", 10)  # 8×6 px is then a "bomb"
    response = client.post(offer_page.url, data(image=image_upload()))
    assert "Das Bild ist zu groß" in response.text
    assert not NoticePage.objects.exists()


@pytest.fixture
def privacy_page(home):
    page = StandardPageFactory(parent=home, title="Datenschutzerklärung", slug="datenschutz")
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.privacy_page = page
    site_settings.save()
    return page


def consent_field(html):
    """The consent checkbox and the texts it is described by (help text, errors)."""
    checkbox = re.search(r'<input type="checkbox" name="consent"[^>]*>', html).group(0)
    described_by = re.search(r'aria-describedby="([^"]+)"', checkbox).group(1).split()
    descriptions = [
        re.search(rf'<(\w+)[^>]* id="{element_id}"[^>]*>(.*?)</\1>', html, re.S).group(2)
        for element_id in described_by
    ]
    return checkbox, " ".join(descriptions)


def test_consent_checkbox_links_to_the_privacy_page(client, offer_page, privacy_page):
    checkbox, description = consent_field(client.get(offer_page.url).text)
    assert "required" in checkbox
    assert f'<a href="{privacy_page.url}">Datenschutzerklärung</a>' in description
    assert privacy_page.url == "/de/datenschutz/"


def test_offer_is_refused_without_consent(client, offer_page, privacy_page):
    response = client.post(offer_page.url, data(consent=""))
    assert response.status_code == 200
    assert SHOWN_MESSAGES["consent"] in visible_text(response.text)
    # The checkbox announces the message and still links to the privacy page.
    checkbox, description = consent_field(response.text)
    assert 'aria-invalid="true"' in checkbox
    assert SHOWN_MESSAGES["consent"] in visible_text(description)
    assert f'<a href="{privacy_page.url}">Datenschutzerklärung</a>' in description
    assert 'value="Sprachcafé für Frauen"' in response.text
    assert not NoticePage.objects.exists() and not OfferSubmission.objects.exists()
    assert client.post(offer_page.url, data()).status_code == 302  # with consent it goes
