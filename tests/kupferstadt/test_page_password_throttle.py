"""The password of a protected page cannot be guessed: after five wrong passwords from one
address, that address may not try again for an hour, not even with the right one; other
addresses and other protected pages are not affected."""

import datetime
import re

import pytest
import time_machine
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from ..factories import StandardPageFactory

PASSWORD = "kupfer-2030"
LOCKED = "Zu viele falsche Passwörter"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def protected_page(home, title="Gremium"):
    page = StandardPageFactory(parent=home, title=title)
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page


def action_url(client, page):
    html = client.get(page.url).content.decode()
    return re.search(r'<form action="([^"]+)"', html).group(1)


def try_password(client, url, page, password, address="203.0.113.7"):
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=address)


def guess_five_times(client, url, page, address="203.0.113.7"):
    for attempt in range(5):
        response = try_password(client, url, page, f"falsch-{attempt}", address)
        assert response.status_code == 200
        assert LOCKED not in response.content.decode()


def test_the_right_password_opens_the_page(client, home):
    page = protected_page(home)
    response = try_password(client, action_url(client, page), page, PASSWORD)
    assert response.status_code == 302 and response["Location"] == page.url
    assert "Gremium" in client.get(page.url).content.decode()


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, home):
    page = protected_page(home)
    url = action_url(client, page)
    guess_five_times(client, url, page)
    response = try_password(client, url, page, PASSWORD)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert 'name="password"' in response.content.decode()
    assert client.get(page.url).status_code == 200  # still the password form
    assert 'name="password"' in client.get(page.url).content.decode()


def test_the_lock_ends_after_an_hour(client, home):
    page = protected_page(home)
    url = action_url(client, page)
    guess_five_times(client, url, page)
    assert try_password(client, url, page, PASSWORD).status_code == 429
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=61)):
        assert try_password(client, url, page, PASSWORD).status_code == 302


def test_other_addresses_may_still_try(client, home):
    page = protected_page(home)
    url = action_url(client, page)
    guess_five_times(client, url, page, address="203.0.113.7")
    assert try_password(client, url, page, PASSWORD, address="198.51.100.4").status_code == 302


def test_pages_below_a_protected_page_share_its_count(client, home):
    """Five tries in all, not five per page of the protected part."""
    page = protected_page(home)
    child = StandardPageFactory(parent=page, title="Protokoll")
    guess_five_times(client, action_url(client, page), page)
    response = try_password(client, action_url(client, child), child, PASSWORD)
    assert response.status_code == 429


def test_another_protected_page_is_not_locked(client, home):
    page = protected_page(home)
    other = protected_page(home, title="Beirat")
    guess_five_times(client, action_url(client, page), page)
    assert try_password(client, action_url(client, other), other, PASSWORD).status_code == 302


def test_a_wrong_password_shows_wagtails_message_without_server_error(client, home):
    page = protected_page(home)
    response = try_password(client, action_url(client, page), page, "falsch")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
