"""App server processes for tests that need real infrastructure (PostgreSQL, Redis)."""

import http.client
import os
import socket
import subprocess
import sys
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(name=None, host=None, port=None):
    """The test database (or ``name`` on the same server) as a DATABASE_URL."""
    database = connection.settings_dict
    return "postgres://{}:{}@{}:{}/{}".format(
        quote(database["USER"] or ""),
        quote(database["PASSWORD"] or ""),
        host or database["HOST"] or "127.0.0.1",
        port or database["PORT"] or 5432,
        name or database["NAME"],
    )


def production_env(tmp_path, **extra):
    """The production settings for a server on 127.0.0.1 without TLS."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kupferstadt.settings.production",
        "DJANGO_SECRET_KEY": "app-server-test-" + uuid.uuid4().hex * 2,
        "DATABASE_URL": database_url(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        **extra,
    }
    if "REDIS_URL" not in extra:
        env.pop("REDIS_URL", None)  # Redis only where a test asks for it
    # What `migrate` does on an installation: without Redis, production keeps its page
    # cache in the database (the test database was migrated with the test settings).
    for command in (["collectstatic", "--noinput", "-v0"], ["createcachetable", "-v0"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    return env


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

    def request(self, path, cookies=None, data=None):
        cookies = {} if cookies is None else cookies
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
