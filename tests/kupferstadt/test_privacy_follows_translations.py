"""A German page made private (Wagtail's "Privacy": password, login, groups) is private in
every language: its translations and aliases get the same view restriction when it is set,
changed or removed – in the admin or in code – and a translator cannot lift it on a
translation alone."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from kupferstadt.demo.translations import translate
from kupferstadt.translation import synchronise_trees

from ..factories import EventPageFactory

SECRET_EN = "Copperworks forum"
SECRET_TR = "kupferwerkforum"  # the Turkish alias mirrors the German page


@pytest.fixture
def forum(event_index, languages, django_capture_on_commit_callbacks):
    event = EventPageFactory(
        parent=event_index, title="Kupferwerkforum", slug="kupferwerkforum", subtitle="Dialog"
    )
    event.save_revision().publish()
    synchronise_trees()
    with django_capture_on_commit_callbacks(execute=True):
        translate(event, languages["en"], {"Kupferwerkforum": SECRET_EN})
    return event


def version(event, language_code):
    return Page.objects.get(
        translation_key=event.translation_key, locale__language_code=language_code
    ).specific


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return {loc.text for loc in root.findall("s:url/s:loc", ns)}


def shows(client, url, text):
    response = client.get(url)
    return response.status_code == 200 and text.lower() in response.text.lower()


def set_privacy(client, page, **data):
    response = client.post(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]), data)
    assert response.status_code == 200
    assert response.json()["step"] == "set_privacy_done"


def test_the_versions_are_public_before(client, forum):
    english = version(forum, "en")
    assert english.alias_of_id is None and english.title == SECRET_EN
    assert version(forum, "tr").alias_of_id == forum.pk
    assert shows(client, english.url, SECRET_EN)
    assert shows(client, english.url + "ical/", SECRET_EN)
    assert "http://testserver" + english.url in sitemap_locations(client)
    assert shows(client, "/en/suche/?q=Copperworks", SECRET_EN)


def test_a_german_page_made_private_in_code_is_private_in_every_language(client, forum):
    PageViewRestriction.objects.create(page=forum, restriction_type=PageViewRestriction.LOGIN)
    english, turkish = version(forum, "en"), version(forum, "tr")

    for url in (english.url, english.url + "ical/", turkish.url, turkish.url + "ical/"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/admin/login/" in response["Location"] or "login" in response["Location"]
    assert "http://testserver" + english.url not in sitemap_locations(client)
    assert "http://testserver" + turkish.url not in sitemap_locations(client)
    assert not shows(client, "/en/suche/?q=Copperworks", SECRET_EN)


def test_made_public_again_every_language_is_public_again(admin_client, client, forum):
    set_privacy(admin_client, forum, restriction_type="password", password="kupfer-2030")
    english = version(forum, "en")
    assert not shows(client, english.url, SECRET_EN)
    assert not shows(client, english.url + "ical/", SECRET_EN)

    set_privacy(admin_client, forum, restriction_type="none")
    assert shows(client, english.url, SECRET_EN)
    assert shows(client, english.url + "ical/", SECRET_EN)
    assert shows(client, version(forum, "tr").url, SECRET_TR)
    assert "http://testserver" + english.url in sitemap_locations(client)
    assert shows(client, "/en/suche/?q=Copperworks", SECRET_EN)


def enter_password(client, page, password):
    """Fills in the password form the page shows; returns the page after it."""
    restrictions = list(page.get_view_restrictions())
    assert len(restrictions) == 1, "the translation asks for no password"
    restriction = restrictions[0]
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    client.post(url, {"password": password, "return_url": page.url})
    return client.get(page.url)


def test_a_changed_password_is_asked_for_on_the_translation(admin_client, client, forum):
    set_privacy(admin_client, forum, restriction_type="password", password="altes-passwort")
    set_privacy(admin_client, forum, restriction_type="password", password="neues-passwort")
    english = version(forum, "en")

    assert SECRET_EN not in enter_password(client, english, "altes-passwort").text
    assert SECRET_EN in enter_password(client, english, "neues-passwort").text


def test_group_restriction_follows_with_its_groups(admin_client, client, forum, django_user_model):
    from django.contrib.auth.models import Group

    group = Group.objects.create(name="Vorstand")
    set_privacy(admin_client, forum, restriction_type="groups", groups=[group.pk])
    english = version(forum, "en")

    member = django_user_model.objects.create_user("mitglied", password="geheim-geheim")
    member.groups.add(group)
    outsider = django_user_model.objects.create_user("aussen", password="geheim-geheim")
    client.force_login(outsider)
    assert not shows(client, english.url, SECRET_EN)
    client.force_login(member)
    assert shows(client, english.url, SECRET_EN)


def test_a_translator_cannot_make_the_translation_of_a_private_page_public(
    client, forum, translator
):
    PageViewRestriction.objects.create(page=forum, restriction_type=PageViewRestriction.LOGIN)
    english = version(forum, "en")
    client.force_login(translator)

    set_privacy(client, english, restriction_type="none")
    client.logout()
    assert client.get(english.url).status_code == 302
    assert not shows(client, "/en/suche/?q=Copperworks", SECRET_EN)


def test_deleting_the_german_page_leaves_the_translation_private(client, forum):
    PageViewRestriction.objects.create(page=forum, restriction_type=PageViewRestriction.LOGIN)
    english = version(forum, "en")
    forum.delete()

    assert client.get(english.url).status_code == 302
