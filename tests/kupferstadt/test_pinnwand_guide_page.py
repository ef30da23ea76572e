"""The demo explains the Pinnwand to citizens – filters, archive, subscribing by feed or
calendar, "Angebot melden" – on a page of its own, in German and, like the other central
pages, in English."""

import pytest
from django.core.management import call_command

from tests.utils import visible_text


@pytest.fixture
def demo(db):
    call_command("load_demo", notices=0, events=0)


def test_german_page_explains_filters_archive_subscribing_and_offers(client, demo):
    response = client.get("/de/so-funktioniert-die-pinnwand/")
    assert response.status_code == 200
    html = response.content.decode()
    text = visible_text(html)
    assert "So funktioniert die Pinnwand" in text
    for heading in ("Angebote finden", "Das Archiv", "Nichts verpassen", "Angebot melden"):
        assert heading in text
    for words in ("Aushänge filtern", "RSS", "Kalender abonnieren"):
        assert words in text
    assert 'href="/de/angebot-melden/"' in html


def test_english_page_is_translated(client, demo):
    response = client.get("/en/how-the-notice-board-works/")
    assert response.status_code == 200
    text = visible_text(response.content.decode())
    assert "How the notice board works" in text
    assert "Finding services" in text and "Report a service" in text
