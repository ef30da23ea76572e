"""The production settings come from the environment alone, refuse to start without a
secret key, and pass Django's deployment checks without a single warning."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[2]
SECRET = "k7Hq2mZ9-vT4pL8xR1nW6sB3yF5cJ0dG_aE2uI9oP4kM7qX1zV8"
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "kupferstadt.settings.production",
    "DJANGO_SECRET_KEY": SECRET,
    "DATABASE_URL": "postgres://kupferstadt:geheim@db.intern:5432/kupferstadt",
    "ALLOWED_HOSTS": "www.kupferstadt.example,kupferstadt.example",
    "CSRF_TRUSTED_ORIGINS": "https://www.kupferstadt.example",
    "REDIS_URL": "redis://redis.intern:6379/0",
    "WAGTAILADMIN_BASE_URL": "https://www.kupferstadt.example",
}


def run_python(code, **env):
    """Runs ``code`` in a fresh interpreter with only the given environment variables."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE"))}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def production_settings(**env):
    result = run_python(
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps({'caches': s.CACHES, 'storages': s.STORAGES, "
        "'databases': s.DATABASES, 'email': [s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, "
        "s.EMAIL_HOST_USER, s.EMAIL_USE_TLS], 'session': s.SESSION_ENGINE, "
        "'csp': s.CONTENT_SECURITY_POLICY, 'docs': s.WAGTAILDOCS_SERVE_METHOD}, default=str))",
        **{**PRODUCTION_ENV, **env},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_check_deploy_reports_no_warning():
    result = run_python(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        **PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout + result.stderr


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = run_python("import django; django.setup()", **env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY muss in der Umgebung gesetzt sein" in result.stderr


@pytest.fixture(scope="module")
def configured():
    """The settings of a full installation: bucket, CDN domain and mail server set."""
    return production_settings(
        AWS_STORAGE_BUCKET_NAME="kupferstadt-medien",
        AWS_S3_ENDPOINT_URL="https://s3.rz.example",
        AWS_S3_CUSTOM_DOMAIN="medien.kupferstadt.example",
        EMAIL_URL="smtp://post:geheim@mail.example.org:587?tls=True",
    )


def test_database_keeps_connections_and_checks_them(configured):
    database = configured["databases"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["HOST"] == "db.intern"
    assert database["CONN_MAX_AGE"] == 600
    assert database["CONN_HEALTH_CHECKS"] is True


def test_redis_caches_and_sessions_survive_redis_outage_in_database(configured):
    found = configured
    cache = found["caches"]["default"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://redis.intern:6379/0"
    assert found["session"] == "django.contrib.sessions.backends.cached_db"


def test_media_go_to_s3_with_documents_served_through_wagtail(configured):
    found = configured
    media = found["storages"]["default"]
    assert media["BACKEND"] == "storages.backends.s3.S3Storage"
    assert media["OPTIONS"]["bucket_name"] == "kupferstadt-medien"
    assert media["OPTIONS"]["endpoint_url"] == "https://s3.rz.example"
    assert found["docs"] == "serve_view"
    assert "https://medien.kupferstadt.example" in found["csp"]["DIRECTIVES"]["img-src"]
    static = found["storages"]["staticfiles"]["BACKEND"]
    assert static == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_without_bucket_media_stay_on_the_file_system():
    media = production_settings()["storages"]["default"]
    assert media["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_mail_server_from_email_url(configured):
    assert configured["email"] == [
        "django.core.mail.backends.smtp.EmailBackend",
        "mail.example.org",
        587,
        "post",
        True,
    ]


@pytest.mark.django_db
def test_pages_are_served_while_redis_is_unreachable(client, home, settings):
    settings.KUPFERSTADT_PAGE_CACHE_SECONDS = 300  # the page cache asks Redis, too
    unreachable = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/8",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        }
    }
    with override_settings(
        CACHES=unreachable,
        DJANGO_REDIS_IGNORE_EXCEPTIONS=True,
        SESSION_ENGINE="django.contrib.sessions.backends.cached_db",
    ):
        assert caches["default"].get("kupferstadt-probe") is None
        response = client.get("/de/")
        # Publishing (which invalidates the page cache) works as well.
        home.title = "Startseite neu"
        home.save_revision().publish()
        published = client.get("/de/")
    assert response.status_code == 200
    assert "Startseite neu" in published.content.decode()
    assert "Soziale Kupferstadt" in response.content.decode()


def test_log_level_is_read_in_either_case():
    """gunicorn reads ``LOG_LEVEL`` too and takes it in lower case; Django must accept that."""
    result = run_python(
        "import django, logging; django.setup(); print(logging.getLogger().level)",
        **PRODUCTION_ENV,
        LOG_LEVEL="warning",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(logging.WARNING)
