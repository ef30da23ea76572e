""" "Angebot melden" counts offers per visitor, by the visitor's address also behind the
load balancer (TRUSTED_PROXY_COUNT), and takes every shown form only once."""

import time

from home.models import NoticePage, OfferSubmission
from kupferstadt.forms import form_token

from .test_offer_submission_form import data

LOAD_BALANCER = "10.0.0.2"


def post(client, page, address, **overrides):
    return client.post(
        page.url, data(**overrides), REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR=address
    )


def test_offers_are_limited_per_visitor_behind_the_load_balancer(client, offer_page, settings):
    settings.KUPFERSTADT_TRUSTED_PROXY_COUNT = 1
    settings.KUPFERSTADT_SUBMISSION_RATE_LIMIT = 1
    assert post(client, offer_page, "203.0.113.5").status_code == 302
    refused = post(client, offer_page, "203.0.113.5", title="Zweites Angebot")
    assert refused.status_code == 429
    assert "in der letzten Stunde schon mehrere Angebote" in refused.text
    assert 'value="Zweites Angebot"' in refused.text
    assert post(client, offer_page, "198.51.100.1, 203.0.113.5").status_code == 429
    assert post(client, offer_page, "203.0.113.6", title="Von nebenan").status_code == 302
    assert NoticePage.objects.count() == 2


def test_a_sent_offer_cannot_be_sent_again_with_its_token(client, offer_page):
    token = form_token(time.time() - 10)
    assert client.post(offer_page.url, data(started=token)).status_code == 302
    replay = client.post(offer_page.url, data(started=token, title="Noch einmal"))
    assert replay.status_code == 200
    assert "Dieses Formular wurde schon einmal abgeschickt." in replay.text
    assert 'value="Noch einmal"' in replay.text
    assert NoticePage.objects.count() == 1 and OfferSubmission.objects.count() == 1
