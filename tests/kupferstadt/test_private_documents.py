"""A document used on a private or unpublished page cannot be downloaded anonymously;
on a public page it can. In the admin, only who may work on one of its pages gets it: a
partner with access to the admin but no rights on that page gets a 404."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import PageViewRestriction

from home.roles import EDITORS, PARTNERS

from ..factories import NoticePageFactory, StandardPageFactory

SECRET = b"Vertraulicher Haushaltsentwurf"


@pytest.fixture
def document(db):
    return get_document_model().objects.create(
        title="Haushaltsentwurf", file=ContentFile(SECRET, name="haushalt.txt")
    )


def page_with(parent, document, **kwargs):
    body = [{"type": "document", "value": {"document": document.pk, "title": ""}}]
    return StandardPageFactory(parent=parent, body=body, **kwargs)


def download(client, document):
    response = client.get(document.url)
    content = b"".join(response.streaming_content) if response.status_code == 200 else b""
    return response.status_code, content


def test_document_of_a_public_page_is_downloadable(client, home, document):
    page_with(home, document, title="Haushalt")
    assert download(client, document) == (200, SECRET)


def test_document_of_a_login_page_is_not_reachable_anonymously(client, home, document):
    page = page_with(home, document, title="Intern")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert download(client, document)[0] == 404


def test_document_of_a_password_page_needs_the_password(client, home, document):
    page = page_with(home, document, title="Gremium")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="kupfer"
    )
    assert download(client, document)[0] == 404
    client.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
        {"password": "kupfer", "return_url": page.url},
    )
    assert download(client, document) == (200, SECRET)


def test_document_of_a_private_parent_page_is_not_reachable(client, home, document):
    section = StandardPageFactory(parent=home, title="Bereich")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    page_with(section, document, title="Unterseite")
    assert download(client, document)[0] == 404


def test_document_of_an_unpublished_page_is_not_reachable(client, home, document):
    page = page_with(home, document, title="Entwurf")
    page.unpublish()
    assert download(client, document)[0] == 404


def test_editors_download_documents_of_private_pages(admin_client, home, document):
    page = page_with(home, document, title="Intern")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert download(admin_client, document) == (200, SECRET)


@pytest.fixture
def member(django_user_model, pinnwand):
    def create(name, group):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "geheim")
        user.groups.add(Group.objects.get(name=group))
        return user

    return create


def password_page_with(parent, document, title):
    page = page_with(parent, document, title=title)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="kupfer"
    )
    return page


def test_partner_in_the_admin_gets_no_document_of_a_password_page(client, home, member, document):
    password_page_with(home, document, "Gremium")
    client.force_login(member("partner", PARTNERS))
    assert client.get("/admin/").status_code == 200  # the partner has admin access
    assert download(client, document)[0] == 404


def test_partner_in_the_admin_gets_no_document_of_an_unpublished_page(
    client, home, member, document
):
    page = page_with(home, document, title="Entwurf")
    page.unpublish()
    client.force_login(member("partner", PARTNERS))
    assert download(client, document)[0] == 404


def test_partner_gets_the_document_of_their_own_draft_notice(client, pinnwand, member, document):
    partner = member("partner", PARTNERS)
    NoticePageFactory(
        parent=pinnwand,
        title="Eigener Entwurf",
        owner=partner,
        live=False,
        documents=[("document", {"document": document, "title": ""})],
    )
    client.force_login(partner)
    assert download(client, document) == (200, SECRET)


def test_redaktion_gets_the_document_of_a_password_page(client, home, member, document):
    password_page_with(home, document, "Gremium")
    client.force_login(member("redaktion", EDITORS))
    assert download(client, document) == (200, SECRET)
