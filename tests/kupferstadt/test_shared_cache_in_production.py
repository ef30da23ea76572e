"""Production without Redis (one server, several gunicorn processes) still has one cache
for all processes: the database cache, whose table ``manage.py migrate`` creates. A page
made private or unpublished through one process is then never served from another
process's cache."""

import pytest

from .test_production_settings import production_settings, run_python

KEY = "kupferstadt:page:gemeinsam"


def test_without_redis_production_caches_in_the_database():
    cache = production_settings(REDIS_URL="")["caches"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"


@pytest.fixture(scope="module")
def one_server(tmp_path_factory):
    """A migrated installation without Redis, as the README sets one up."""
    from .test_production_settings import PRODUCTION_ENV

    database = tmp_path_factory.mktemp("ein-server") / "db.sqlite3"
    env = {**PRODUCTION_ENV, "REDIS_URL": "", "DATABASE_URL": f"sqlite:///{database}"}
    migrated = run_python(
        "from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'migrate', '--noinput', '-v', '0'])",
        **env,
    )
    assert migrated.returncode == 0, migrated.stderr

    def process(code):
        result = run_python(
            "import django; django.setup(); from kupferstadt import page_cache; " + code, **env
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip().splitlines()[-1]

    return process


def test_a_page_cached_by_one_process_is_seen_by_another(one_server):
    one_server(
        f"g, _ = page_cache.current({KEY!r}); page_cache.store({KEY!r}, g, 'Seite'); print(g)"
    )
    assert one_server(f"print(page_cache.current({KEY!r})[1])") == "Seite"


def test_a_new_generation_in_one_process_outdates_the_page_in_another(one_server):
    before = one_server(
        f"g, _ = page_cache.current({KEY!r}); page_cache.store({KEY!r}, g, 'Seite'); print(g)"
    )
    one_server("page_cache.invalidate(); print('ok')")
    generation, page = one_server(f"g, page = page_cache.current({KEY!r}); print(g, page)").split()
    assert int(generation) == int(before) + 1
    assert page == "None"
