""" "Barriere melden" accepts a limited number of reports per visitor and hour, counted
by the visitor's address also behind the load balancer; a sent form cannot be sent again
with the same token. Refusals are German and keep what was typed."""

import time

from kupferstadt.forms import form_token
from kupferstadt.models import BarrierReport

from .test_barrier_report_form import data

LOAD_BALANCER = "10.0.0.2"


def post(client, page, address, **overrides):
    return client.post(
        page.url, data(**overrides), REMOTE_ADDR=LOAD_BALANCER, HTTP_X_FORWARDED_FOR=address
    )


def test_reports_are_limited_per_visitor_behind_the_load_balancer(client, report_page, settings):
    settings.KUPFERSTADT_TRUSTED_PROXY_COUNT = 1
    settings.KUPFERSTADT_BARRIER_REPORT_RATE_LIMIT = 2
    for number in range(2):
        assert post(client, report_page, "203.0.113.5", name=f"Meldung {number}").status_code == 302
    refused = post(client, report_page, "203.0.113.5", description="Der Kontrast ist zu schwach.")
    assert refused.status_code == 429
    assert "in der letzten Stunde schon mehrere Meldungen" in refused.text
    assert 'role="alert"' in refused.text
    assert "Der Kontrast ist zu schwach." in refused.text  # input kept
    # A forged entry in front of the load balancer's does not open a new bucket.
    forged = post(client, report_page, "198.51.100.1, 203.0.113.5")
    assert forged.status_code == 429
    assert post(client, report_page, "203.0.113.6").status_code == 302  # someone else
    assert BarrierReport.objects.count() == 3


def test_a_sent_report_cannot_be_sent_again_with_its_token(client, report_page):
    token = form_token(time.time() - 10)
    assert client.post(report_page.url, data(started=token)).status_code == 302
    replay = client.post(report_page.url, data(started=token, name="Zweiter Versuch"))
    assert replay.status_code == 200
    assert "Dieses Formular wurde schon einmal abgeschickt." in replay.text
    assert 'value="Zweiter Versuch"' in replay.text
    assert BarrierReport.objects.count() == 1
    # The page offers a fresh token, with which the report goes through.
    assert client.post(report_page.url, data(name="Zweiter Versuch")).status_code == 302
