"""Two app server processes with the production settings, sharing one PostgreSQL and one
Redis as on the CI machine: a page published through the first is served new by the
second within a second, and a login on one is valid on the other.

Runs where the tests run on PostgreSQL (the second CI pass); SQLite test databases live in
the memory of the test process, which other processes cannot reach.
"""

import os
import re
import time
import uuid

import pytest
from django.contrib.auth.models import User
from django.db import connection

from ..factories import StandardPageFactory
from .app_servers import Server, production_env

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/8")
PASSWORD = "Kupfer-2030!"

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="braucht PostgreSQL: DATABASE_URL=postgres://… (zweiter CI-Durchlauf)",
)


def require_redis():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        if os.environ.get("CI"):
            pytest.fail(f"In CI muss Redis erreichbar sein: {REDIS_URL}")
        pytest.skip(f"Redis nicht erreichbar: {REDIS_URL}")


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@pytest.fixture
def servers(committed, tmp_path, settings):
    require_redis()
    prefix = f"kupferstadt-test-{uuid.uuid4().hex[:8]}"
    env = production_env(tmp_path, REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=prefix)
    pair = [Server(env), Server(env)]
    try:
        for server in pair:
            server.wait_until_up()
        yield pair
    finally:
        for server in pair:
            server.stop()
        import redis

        store = redis.Redis.from_url(REDIS_URL)
        for key in store.scan_iter(f"{prefix}:*"):
            store.delete(key)


@pytest.fixture
def editor(committed, settings):
    # The servers check passwords with the production hashers.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    return User.objects.create_superuser("redaktion", "r@example.org", PASSWORD)


def log_in(server, cookies):
    status, html = server.request("/admin/login/", cookies)
    assert status == 200
    status, _ = server.request(
        "/admin/login/",
        cookies,
        {"username": "redaktion", "password": PASSWORD, "csrfmiddlewaretoken": csrf_token(html)},
    )
    assert status == 302, "Anmeldung fehlgeschlagen"


def test_publish_on_one_server_is_served_by_the_other_and_logins_hold_on_both(
    committed, servers, editor, home
):
    first, second = servers
    page = StandardPageFactory(parent=home, title="Sprechstunde im Rathaus")
    visitor = {}
    status, html = second.request(page.url, visitor)
    assert status == 200 and "Sprechstunde im Rathaus" in html  # now cached in Redis

    # Logged in on the first server, the same session is valid on the second.
    editor_cookies = {}
    log_in(first, editor_cookies)
    status, _ = second.request("/admin/", dict(editor_cookies))
    assert status == 200

    # A new draft, published through the first server's admin.
    page.title = "Sprechstunde am Montag"
    page.save_revision()
    publish = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}"
    status, html = first.request(publish, editor_cookies)
    assert status == 200
    status, _ = first.request(publish, editor_cookies, {"csrfmiddlewaretoken": csrf_token(html)})
    assert status == 302

    started = time.monotonic()
    status, html = second.request(page.url, visitor)
    assert time.monotonic() - started < 1
    assert status == 200
    assert "Sprechstunde am Montag" in html
