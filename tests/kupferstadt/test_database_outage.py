"""While the database is unreachable visitors see a static German maintenance page (503)
without any detail of the error; once it is back, the same process serves pages again."""

from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.db import OperationalError, connection
from django.test import Client

from home.models import HomePage
from kupferstadt import maintenance


@contextmanager
def database_unreachable():
    def refuse(execute, sql, params, many, context):
        raise OperationalError(
            'connection to server at "db.intern" (10.0.0.5), port 5432 failed: Connection refused'
        )

    with connection.execute_wrapper(refuse):
        yield


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def test_unreachable_database_gives_german_maintenance_page(visitor, home):
    with database_unreachable():
        response = visitor.get("/de/")
    assert response.status_code == 503
    assert response["Retry-After"] == str(maintenance.RETRY_AFTER_SECONDS)
    html = response.content.decode()
    assert "<h1>Wartungsarbeiten</h1>" in html
    assert "in einigen Minuten noch einmal" in html
    for detail in ("Traceback", "OperationalError", "db.intern", "5432"):
        assert detail not in html


def test_site_recovers_without_restart_when_database_returns(visitor, home):
    with database_unreachable():
        assert visitor.get("/de/").status_code == 503
    response = visitor.get("/de/")
    assert response.status_code == 200
    assert home.title in response.content.decode()


def test_other_errors_keep_the_technical_error_page(visitor, home, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("kaputt")

    monkeypatch.setattr(HomePage, "get_context", broken)
    response = visitor.get("/de/")
    assert response.status_code == 500
    assert "Technischer Fehler" in response.content.decode()


def test_cached_pages_are_still_served_while_the_database_is_away(visitor, home, settings):
    settings.KUPFERSTADT_PAGE_CACHE_SECONDS = 300
    cache.clear()
    assert visitor.get("/de/").status_code == 200
    with database_unreachable():
        response = visitor.get("/de/")
    cache.clear()
    assert response.status_code == 200
    assert "Wartungsarbeiten" not in response.content.decode()
