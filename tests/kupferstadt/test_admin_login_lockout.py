"""After five wrong passwords the admin login is locked for that user name and address,
with a German explanation; a correct login before that works as usual."""

import pytest
from django.contrib.auth.models import User
from django.test import RequestFactory

from kupferstadt.security import client_ip

PASSWORD = "Kupfer-2030!"


@pytest.fixture
def editor(home):
    return User.objects.create_superuser("redaktion", "r@example.org", PASSWORD)


def login(client, password, address="203.0.113.7", username="redaktion"):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_correct_password_after_four_failures_logs_in(client, editor):
    for _ in range(4):
        assert login(client, "falsch").status_code == 200
    response = login(client, PASSWORD)
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_five_failures_lock_the_login_with_a_german_message(client, editor):
    for _ in range(5):
        login(client, "falsch")
    response = login(client, PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in html
    assert "Nach 5 fehlgeschlagenen Anmeldeversuchen" in html
    assert "Bitte versuchen Sie es in einer Stunde noch einmal." in html
    assert client.get("/admin/").status_code == 302  # still not logged in


def test_lock_holds_for_that_user_name_and_address_only(client, editor):
    for _ in range(5):
        login(client, "falsch")
    assert login(client, PASSWORD, address="198.51.100.4").status_code == 302


def test_address_behind_trusted_proxies_comes_from_forwarded_for(settings):
    settings.KUPFERSTADT_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7", REMOTE_ADDR="10.0.0.2"
    )
    # The left entry is whatever the client claims; the load balancer appended the right one.
    assert client_ip(request) == "203.0.113.7"
    settings.KUPFERSTADT_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
