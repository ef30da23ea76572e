"""An app server whose PostgreSQL goes down answers with the German maintenance page and
serves pages again once PostgreSQL is back, without a restart of the app server.

The test owns its PostgreSQL instance (initdb in a temporary folder, as the ``postgres``
user when run as root), loads it from a dump of the test database and stops and starts
it. Runs where the tests run on PostgreSQL (the second CI pass).
"""

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connection

from .app_servers import Server, database_url, free_port, production_env

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="braucht PostgreSQL: DATABASE_URL=postgres://… (zweiter CI-Durchlauf)",
)


def postgres_binary(name):
    found = shutil.which(name)
    if found:
        return found
    versions = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    assert versions, f"{name} fehlt: apt-get install postgresql"
    return str(versions[-1])


class OwnedPostgres:
    """A PostgreSQL instance of this test alone."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="kupferstadt-pg-"))
        self.port = free_port()
        self.as_user = []
        if os.geteuid() == 0:  # initdb refuses to run as root
            shutil.chown(self.folder, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.run("initdb", "-D", f"{self.folder}/data", "-A", "trust", "-U", "postgres")
        self.start()

    def run(self, name, *args):
        subprocess.run(
            [*self.as_user, postgres_binary(name), *args],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run("pg_ctl", "-D", f"{self.folder}/data", "-o", options, "-w", "start")

    def stop(self):
        self.run("pg_ctl", "-D", f"{self.folder}/data", "-m", "fast", "-w", "stop")

    def remove(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped
        shutil.rmtree(self.folder, ignore_errors=True)


def wait_for(server, path, status, timeout=10):
    deadline = time.monotonic() + timeout
    while True:
        found, html = server.request(path)
        if found == status or time.monotonic() > deadline:
            return found, html
        time.sleep(0.2)


@pytest.fixture
def owned_database(committed, home, tmp_path):
    dump = tmp_path / "kupferstadt.dump"
    subprocess.run(
        ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", database_url()], check=True
    )
    postgres = OwnedPostgres()
    try:
        url = f"postgres://postgres@127.0.0.1:{postgres.port}/kupferstadt"
        postgres.run(
            "createdb", "-h", "127.0.0.1", "-p", str(postgres.port), "-U", "postgres", "kupferstadt"
        )
        subprocess.run(["pg_restore", "--no-owner", f"--dbname={url}", str(dump)], check=True)
        yield postgres, url
    finally:
        postgres.remove()


def test_database_outage_gives_maintenance_page_and_recovers_without_restart(
    owned_database, tmp_path, home
):
    postgres, url = owned_database
    # No page cache here: every request has to ask the database.
    env = production_env(tmp_path, DATABASE_URL=url, KUPFERSTADT_PAGE_CACHE_SECONDS="0")
    server = Server(env)
    try:
        server.wait_until_up()
        status, html = server.request("/de/")
        assert status == 200 and home.title in html

        postgres.stop()
        status, html = server.request("/de/")
        assert status == 503
        assert "<h1>Wartungsarbeiten</h1>" in html
        assert "Traceback" not in html and "OperationalError" not in html

        postgres.start()
        status, html = wait_for(server, "/de/", 200)
        assert status == 200 and home.title in html
        assert server.process.poll() is None  # the same process, never restarted
    finally:
        server.stop()
