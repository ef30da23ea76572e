""" "Barriere melden": stored, e-mailed, confirmed; spam protection without third parties;
every rejection keeps the visitor's input and says why in German."""

import time

import pytest
from django.core import mail

from kupferstadt.forms import form_token
from kupferstadt.models import BarrierReport, SiteSettings


def data(**overrides):
    values = {
        "page_url": "/de/pinnwand/",
        "description": "Der Filter lässt sich nicht mit der Tastatur bedienen.",
        "name": "Erika Muster",
        "email": "erika@example.org",
        "website": "",
        "started": form_token(time.time() - 10),
    }
    values.update(overrides)
    return values


def test_form_is_linked_from_every_page_with_the_current_page(client, report_page, pinnwand):
    html = client.get(pinnwand.url).text
    assert 'href="/de/barriere-melden/?seite=/de/pinnwand/"' in html
    form = client.get("/de/barriere-melden/", {"seite": "/de/pinnwand/"}).text
    assert 'value="/de/pinnwand/"' in form
    assert "(Pflichtfeld)" in form


def test_report_is_stored_mailed_and_confirmed(client, report_page):
    response = client.post(report_page.url, data(), follow=True)
    assert response.redirect_chain[-1][0] == "/de/barriere-melden/danke/"
    assert "Vielen Dank! Ihre Meldung ist bei uns angekommen." in response.text
    report = BarrierReport.objects.get()
    assert report.page_url == "/de/pinnwand/" and report.email == "erika@example.org"
    (message,) = mail.outbox
    assert message.to == ["barrierefreiheit@stolberg.example"]
    assert "Barriere gemeldet: /de/pinnwand/" == message.subject
    assert "nicht mit der Tastatur" in message.body
    assert f"/admin/snippets/kupferstadt/barrierreport/edit/{report.pk}/" in message.body


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"description": ""}, "Bitte füllen Sie dieses Feld aus."),
        ({"email": "keine-adresse"}, "Bitte geben Sie eine gültige E-Mail-Adresse ein."),
        ({"website": "http://spam.example"}, "Ihre Nachricht konnte nicht gesendet werden."),
        ({"started": "SENT_AT_ONCE"}, "Das ging sehr schnell."),
        ({"started": "SHOWN_3_HOURS_AGO"}, "Das Formular ist abgelaufen."),
        ({"started": "gefälscht"}, "Das Formular war nicht vollständig."),
        ({"started": ""}, "Das Formular war nicht vollständig."),
    ],
)
def test_rejections_keep_the_input_and_explain(client, report_page, overrides, message):
    ages = {"SENT_AT_ONCE": 0, "SHOWN_3_HOURS_AGO": 3 * 60 * 60}
    if overrides.get("started") in ages:
        overrides = {"started": form_token(time.time() - ages[overrides["started"]])}
    response = client.post(report_page.url, data(**overrides))
    assert response.status_code == 200
    assert message in response.text
    assert 'role="alert"' in response.text
    if overrides.get("description", None) != "":
        assert "nicht mit der Tastatur bedienen" in response.text  # input kept
    assert not BarrierReport.objects.exists()
    assert not mail.outbox


def test_errors_are_linked_to_their_fields(client, report_page):
    html = client.post(report_page.url, data(description="")).text
    assert 'aria-invalid="true"' in html
    assert 'id="id_description_error"' in html
    assert "id_description_error" in html.split('id="id_description"')[0].rsplit("<textarea", 1)[1]
    assert 'href="#id_description"' in html


def test_overlong_input_is_rejected_with_a_message(client, report_page):
    response = client.post(report_page.url, data(description="x" * 6000))
    assert response.status_code == 200
    assert "Bitte geben Sie höchstens 5000 Zeichen ein" in response.text


def test_without_contact_address_the_report_is_stored_only(client, report_page, home):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.accessibility_contact_email = ""
    site_settings.save()
    client.post(report_page.url, data())
    assert BarrierReport.objects.count() == 1
    assert not mail.outbox
