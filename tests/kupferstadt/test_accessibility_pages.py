"""The legally required pages: accessibility statement, Leichte Sprache, Gebärdensprache,
Impressum and Datenschutz, linked from every page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents.models import Document

from kupferstadt.models import (
    AccessibilityStatementPage,
    Conformance,
    EasyLanguagePage,
    SignLanguagePage,
)

from ..utils import visible_text


@pytest.fixture
def demo(db):
    call_command("load_demo", notices=1, events=0, languages=False)


def test_every_page_links_the_legal_and_accessibility_pages(client, demo):
    for url in ["/de/", "/de/pinnwand/", "/de/soziale-kupferstadt-2030/", "/de/gibt-es-nicht/"]:
        html = client.get(url).text
        header, footer = html.split("</header>")[0], html.split("<footer")[1]
        assert 'href="/de/leichte-sprache/"' in header, url
        assert 'href="/de/gebaerdensprache/"' in header, url
        for link in ("/de/impressum/", "/de/datenschutz/", "/de/barrierefreiheit/"):
            assert f'href="{link}"' in footer, (url, link)
        assert 'href="/de/barriere-melden/?seite=' in footer, url


def test_accessibility_statement_has_all_required_parts(client, demo):
    text = visible_text(client.get("/de/barrierefreiheit/").text)
    for part in [
        "Stand der Vereinbarkeit mit den Anforderungen",
        "teilweise vereinbar",
        "Nicht barrierefreie Inhalte",
        "Begründung:",
        "Alternative:",
        "Diese Erklärung wurde am",
        "zuletzt am",
        "Feedback und Kontaktangaben",
        "Barriere online melden",
        "Durchsetzungsverfahren",
        "Ombudsstelle für barrierefreie Informationstechnik des Landes Nordrhein-Westfalen",
    ]:
        assert part in text, part


def test_statement_requires_non_accessible_content_unless_fully_conformant(home):
    page = AccessibilityStatementPage(
        title="Erklärung",
        scope="<p>x</p>",
        conformance=Conformance.PARTIAL,
        prepared_on=datetime.date(2026, 1, 1),
        reviewed_on=datetime.date(2025, 1, 1),
        assessment_method="Selbstbewertung",
        feedback_contact="<p>x</p>",
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert set(error.value.message_dict) == {"non_accessible_content", "reviewed_on"}


def test_required_parts_cannot_be_left_empty_in_the_admin(client, admin_user, home):
    client.force_login(admin_user)
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    data = nested_form_data(
        {
            "title": "Erklärung",
            "slug": "erklaerung",
            "scope": rich_text(""),
            "feedback_contact": rich_text(""),
            "non_accessible_content": streamfield([]),
            "enforcement_url": "https://www.mags.nrw/ombudsstelle-barrierefreie-it",
        }
    )
    response = client.post(
        f"/admin/pages/add/kupferstadt/accessibilitystatementpage/{home.pk}/", data
    )
    assert response.status_code == 200
    assert "Bitte füllen Sie dieses Feld aus." in response.text
    assert not AccessibilityStatementPage.objects.exists()


def test_easy_language_section_allows_more_pages(client, demo):
    top = EasyLanguagePage.objects.get(slug="leichte-sprache")
    assert EasyLanguagePage.can_create_at(top)
    text = visible_text(client.get(top.url).text)
    assert "Was steht auf dieser Website?" in text
    assert "Barriere melden" in text


def test_placeholders_are_clearly_marked(client, demo):
    for url in ("/de/impressum/", "/de/datenschutz/"):
        assert "[Platzhalter" in client.get(url).text


def test_sign_language_video_is_self_hosted_with_captions_size_and_duration(client, demo):
    page = SignLanguagePage.objects.get()
    video = Document.objects.create(title="DGS", file=ContentFile(b"\0" * 2048, "dgs.mp4"))
    captions = Document.objects.create(
        title="Untertitel", file=ContentFile(b"WEBVTT\n\n", "dgs.vtt")
    )
    page.video, page.captions, page.duration = video, captions, datetime.timedelta(seconds=270)
    page.clean()
    page.save_revision().publish()
    html = client.get(page.url).text
    assert f'<source src="{video.url}" type="video/mp4">' in html
    assert f'<track kind="captions" src="{captions.url}" srclang="de"' in html
    assert "Video herunterladen" in html and "(MP4, 2,0\xa0KB, Dauer 4:30 Minuten)" in html
    assert "youtube" not in html and "vimeo" not in html


def test_sign_language_video_needs_captions_and_duration(demo):
    page = SignLanguagePage.objects.get()
    page.video = Document.objects.create(title="DGS", file=ContentFile(b"x", "dgs.mp4"))
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert set(error.value.message_dict) == {"captions", "duration"}
