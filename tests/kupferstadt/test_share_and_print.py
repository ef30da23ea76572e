"""Passing a notice or event on by e-mail, and printing it as an A4 Aushang."""

import html as html_lib
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command

from events.models import EventPage
from home.models import NoticePage

from ..utils import visible_text


@pytest.fixture
def demo(db):
    call_command("load_demo", notices=0, events=0, languages=False)
    return {
        "forum": EventPage.objects.get(slug="fuenf-jahre-soziale-kupferstadt-2030"),
        "notice": NoticePage.objects.get(slug="save-the-date-forum-soziale-kupferstadt-2030"),
    }


def mailto(page_html):
    href = re.search(r'href="(mailto:[^"]+)"', page_html).group(1)
    parts = urlsplit(html_lib.unescape(href))
    return {key: values[0] for key, values in parse_qs(parts.query).items()}


def test_forward_event_by_mail_with_title_date_place_and_link(client, demo):
    forum = demo["forum"]
    page = client.get(forum.url).text
    assert "Termin weiterleiten" in page
    mail = mailto(page)
    assert mail["subject"] == "Fünf Jahre Soziale Kupferstadt 2030"
    assert "Mittwoch, 13. Mai 2020, 17:00 – 21:00 Uhr" in mail["body"]
    assert "Cockerillstraße 90, 52222 Stolberg" in mail["body"]
    assert mail["body"].endswith("http://testserver" + forum.url)
    assert 'value="http://testserver' + forum.url + '" readonly' in page


def test_forward_notice_by_mail(client, demo):
    page = client.get(demo["notice"].url).text
    assert "Aushang weiterleiten" in page
    assert mailto(page)["subject"].startswith("SAVE THE DATE")


def test_no_social_network_scripts(client, demo):
    page = client.get(demo["forum"].url).text
    assert re.findall(r'<script src="([^"]+)"', page) == ["/static/search/autocomplete.js"]
    for host in ("facebook", "twitter", "x.com", "instagram", "whatsapp"):
        assert host not in page


@pytest.mark.parametrize("key", ["forum", "notice"])
def test_print_view_is_an_a4_aushang_with_qr_code(client, demo, key):
    page = demo[key]
    response = client.get(page.url + "druckansicht/")
    assert response.status_code == 200
    text = visible_text(response.text)
    assert page.title in text
    assert "Leo Jansen" in text  # contact
    assert "http://testserver" + page.url in text
    assert re.search(r"<svg[^>]*class=\"qr-code\"", response.text)
    assert "<title>QR-Code mit dem Link zu dieser Seite</title>" in response.text
    assert "css/print-sheet.css" in response.text
    assert "main-nav" not in response.text and "site-footer" not in response.text
    assert f'href="{page.url}druckansicht/"' in client.get(page.url).text


def test_printed_event_has_date_and_place(client, demo):
    text = visible_text(client.get(demo["forum"].url + "druckansicht/").text)
    assert "Mittwoch, 13. Mai 2020, 17:00 – 21:00 Uhr" in text
    assert "Industriemuseum Zinkhütter Hof, Cockerillstraße 90, 52222 Stolberg" in text


def test_qr_code_encodes_the_page_url(demo):
    import segno

    from kupferstadt.templatetags.kupferstadt_tags import qr_code

    url = "http://testserver" + demo["forum"].url
    assert qr_code(url) == segno.make(url, error="m").svg_inline(
        scale=4, dark="#000", light="#fff", svgclass="qr-code"
    )


def test_printed_text_is_cut_to_fit_one_page(pinnwand):
    from ..factories import NoticePageFactory

    long_text = "Wort " * 2000
    notice = NoticePageFactory(
        parent=pinnwand,
        teaser="Kurz.",
        body=[{"type": "paragraph", "value": f"<p>{long_text}</p>"}] * 3,
    )
    paragraphs = notice.essential_text()
    assert paragraphs[0] == "Kurz."
    assert sum(len(p.split()) for p in paragraphs) <= 111
