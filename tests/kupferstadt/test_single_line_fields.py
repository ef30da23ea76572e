""" "Barriere melden": a line break in the page or the name arrives as a space, the report
is stored once and its e-mail goes out with a one-line subject."""

from django.core import mail

from kupferstadt.models import BarrierReport

from .test_barrier_report_form import data


def test_line_breaks_in_the_page_become_spaces_and_the_mail_goes_out(client, report_page):
    response = client.post(
        report_page.url, data(page_url="/de/pinnwand/\r\nBcc: alle@example.org", name="Erika\nM.")
    )
    assert response.status_code == 302
    report = BarrierReport.objects.get()
    assert report.page_url == "/de/pinnwand/ Bcc: alle@example.org"
    assert report.name == "Erika M."
    (message,) = mail.outbox
    assert message.subject == "Barriere gemeldet: /de/pinnwand/ Bcc: alle@example.org"
    assert message.bcc == []
