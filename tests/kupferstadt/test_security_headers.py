"""Every public page forbids inline scripts and styles, framing and powerful browser
features; the admin keeps working under its own, relaxed policy."""

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from ..factories import EventPageFactory, NoticePageFactory, ProjectPageFactory


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


class InlineCode(HTMLParser):
    """Collects what a strict policy would block: inline scripts, style elements and
    attributes, event handler attributes."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and "src" not in attrs and attrs.get("type") != "application/ld+json":
            self.found.append(f"<script> ohne src ({self.getpos()})")
        if tag == "style":
            self.found.append(f"<style> ({self.getpos()})")
        for name in attrs:
            if name == "style" or name.startswith("on"):
                self.found.append(f"<{tag} {name}=…> ({self.getpos()})")

    handle_startendtag = handle_starttag


@pytest.fixture
def public_urls(home, pinnwand, event_index, leitbild):
    notice = NoticePageFactory(parent=pinnwand, title="Elterncafé")
    event = EventPageFactory(parent=event_index, title="Familienfest")
    project = ProjectPageFactory(parent=leitbild, title="Familiengerechte Kommune")
    return [
        home.url,
        pinnwand.url,
        pinnwand.url + "archiv/",
        notice.url,
        notice.url + "druckansicht/",
        event_index.url,
        event.url,
        leitbild.url,
        project.url,
        "/de/suche/?q=Elterncaf%C3%A9",
        "/de/suche/?q=nichts",
        "/de/gibt-es-nicht/",
    ]


def test_public_pages_allow_no_inline_script_or_style(client, public_urls):
    for url in public_urls:
        response = client.get(url)
        assert response.status_code == (404 if "gibt-es-nicht" in url else 200), url
        policy = directives(response)
        assert policy["script-src"] == ["'self'"], url
        assert policy["style-src"] == ["'self'"], url
        assert policy["default-src"] == ["'self'"], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'none'"], url
        assert "unsafe-inline" not in response["Content-Security-Policy"], url


def test_public_pages_contain_nothing_the_policy_would_block(client, public_urls):
    for url in public_urls:
        parser = InlineCode()
        parser.feed(client.get(url).content.decode())
        assert parser.found == [], url


def test_structured_data_blocks_are_data_not_scripts(client, home):
    html = client.get(home.url).content.decode()
    scripts = re.findall(r"<script([^>]*)>", html)
    assert any('type="application/ld+json"' in attrs for attrs in scripts)
    # Every other script is a file from our own host.
    assert all("application/ld+json" in attrs or 'src="/static/' in attrs for attrs in scripts)


def test_security_headers_on_public_pages(client, home):
    response = client.get(home.url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions


def test_csrf_cookie_is_http_only_and_same_site(client, home):
    response = client.get("/admin/login/")
    cookie = response.cookies["csrftoken"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_session_cookie_is_http_only_and_same_site(client, home):
    User.objects.create_superuser("redaktion", "r@example.org", "Kupfer-2030!")
    response = client.post(
        "/admin/login/",
        {"username": "redaktion", "password": "Kupfer-2030!"},
        REMOTE_ADDR="10.0.0.1",
    )
    assert response.status_code == 302
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"


def test_admin_has_its_own_policy_and_still_edits_pages(admin_client, home):
    response = admin_client.get(f"/admin/pages/{home.pk}/edit/")
    assert response.status_code == 200
    policy = directives(response)
    # Wagtail's admin renders inline scripts and styles; only editors see it.
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]  # the live preview frames pages
    assert policy["object-src"] == ["'none'"]


def test_admin_can_frame_the_preview_of_a_page(admin_client, home):
    home.save_revision()
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[home.pk]))
    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == ["'self'"]


def test_admin_loads_nothing_from_other_servers(admin_client, home):
    html = admin_client.get("/admin/").content.decode()
    assert "gravatar.com" not in html
    assert "releases.wagtail.org" not in html
