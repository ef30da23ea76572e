"""Two app server processes with the production settings, sharing one PostgreSQL and one
Redis as on the CI machine: a page published through the first is served new by the
second within a second, and a login on one is valid on the other.

Runs where the tests run on PostgreSQL (the second CI pass); SQLite test databases live in
the memory of the test process, which other processes cannot reach.
"""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.contrib.auth.models import User
from django.db import connection

from ..factories import StandardPageFactory

ROOT = Path(__file__).resolve().parents[2]
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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """One app server (``runserver`` with the production settings) and a tiny browser."""

    def __init__(self, env):
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{self.port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def wait_until_up(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(self.process.stderr.read())
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"Server auf Port {self.port} startet nicht")

    def request(self, path, cookies, data=None):
        client = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        client.request("POST" if data is not None else "GET", path, body=body, headers=headers)
        response = client.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookies.update({k: m.value for k, m in SimpleCookie(header).items()})
        text = response.read().decode()
        client.close()
        return response.status, text

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def csrf_token(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


@pytest.fixture
def servers(transactional_db, tmp_path, settings):
    require_redis()
    database = connection.settings_dict
    prefix = f"kupferstadt-test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kupferstadt.settings.production",
        "DJANGO_SECRET_KEY": "zwei-server-test-" + uuid.uuid4().hex * 2,
        "DATABASE_URL": "postgres://{}:{}@{}:{}/{}".format(
            quote(database["USER"] or ""),
            quote(database["PASSWORD"] or ""),
            database["HOST"] or "127.0.0.1",
            database["PORT"] or 5432,
            database["NAME"],
        ),
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
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
def editor(transactional_db, settings):
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
    servers, editor, home
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
