""" "Angebot melden": a line break (or another control character) in a one-line field
arrives as a space before anything is saved; the offer is stored once, and the approvers'
and the sender's e-mails go out with a one-line subject."""

import pytest
from django.core import mail

from home.models import NoticePage, OfferSubmission

from .test_offer_submission_form import data

APPROVER = "sozialplanung@stolberg.example"


@pytest.mark.parametrize("line_break", ["\r\n", "\n", "\r", "\t", "\x0b", "\u2028"])
def test_line_breaks_in_the_title_become_spaces_and_the_mails_go_out(
    client, offer_page, line_break
):
    title = f"Sprachcafé{line_break}Bcc: alle@example.org"
    response = client.post(offer_page.url, data(title=title))
    assert response.status_code == 302

    notice = NoticePage.objects.get()
    assert notice.title == "Sprachcafé Bcc: alle@example.org"
    assert OfferSubmission.objects.get().notice_id == notice.pk
    to_approver = [m for m in mail.outbox if m.to == [APPROVER]]
    (confirmation,) = [m for m in mail.outbox if m.to == ["erika@verein.example"]]
    assert to_approver and "Sprachcafé Bcc: alle@example.org" in to_approver[0].subject
    assert (
        confirmation.subject
        == "Ihr Angebot „Sprachcafé Bcc: alle@example.org“ ist bei uns angekommen"
    )
    assert all(m.bcc == [] for m in mail.outbox)


def test_one_line_contact_fields_are_normalised(client, offer_page):
    response = client.post(
        offer_page.url,
        data(name="Erika\r\nMuster", provider="Frauen\nhelfen Frauen", phone="02402\n12345"),
    )
    assert response.status_code == 302
    submission = OfferSubmission.objects.get()
    assert (submission.name, submission.phone) == ("Erika Muster", "02402 12345")
    assert "Anbieter: Frauen helfen Frauen" in str(submission.notice.body)


def test_a_title_of_line_breaks_only_is_refused_with_the_input_kept(client, offer_page):
    response = client.post(offer_page.url, data(title="\r\n\r\n"))
    assert response.status_code == 200
    assert "Bitte füllen Sie dieses Feld aus." in response.text
    assert "Jeden Dienstag Deutsch sprechen" in response.text
    assert not NoticePage.objects.exists() and not mail.outbox
