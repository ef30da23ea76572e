"""Benchmark: search latency and SQL queries per request at 1,000 and 10,000 notices.

Run with ``make bench`` (PostgreSQL on 127.0.0.1 by default; BENCH_DATABASE_URL to
change), or ``python benchmarks/search.py 10000`` for one size. Each size gets its own
database (``kupferstadt_bench_<size>``), filled by the demo loader (the same generator as
``load_demo --notices N``); then 20 typical searches and the listing pages are requested
through Django's test client, and medians, p95 and SQL query counts are printed.
Not a test: nothing here fails a build.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kupferstadt.settings.dev")
SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kupferstadt_bench"
)
os.environ["DATABASE_URL"] = f"{DATABASE_URL}_{SIZE}"

QUERIES = [
    "Familie",
    "Beratung Senioren",
    "Zinkhuetter",
    "Inklusion",
    "Projekte",
    "Veranstaltungen",
    "Sprachcafé",
    "Hausaufgabenhilfe",
    "Ehrenamt",
    "Computerkurs",
    "Atsch",
    "Städteregion",
    "Elterncafé",
    "Sozialbericht",
    "Leitbild",
    "Jansen",
    "Bildung Jugendliche",
    "Nachbarschaftstreff",
    "Strasse",
    "Gibtsnicht",
]
LISTINGS = [
    "/de/",
    "/de/pinnwand/",
    "/de/pinnwand/?topic=familie&region=stadt",
    "/de/pinnwand/archiv/",
    "/de/pinnwand/rss/",
    "/de/veranstaltungen/",
    "/de/veranstaltungen/ical/",
    "/de/soziale-kupferstadt-2030/",
    "/api/v2/pages/?type=home.NoticePage&fields=teaser,topics",
]
ROUNDS = 7


def ensure_database():
    import psycopg
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return
    with psycopg.connect(
        host=db["HOST"],
        port=db["PORT"] or 5432,
        user=db["USER"],
        dbname="postgres",
        autocommit=True,
    ) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]])
        if not exists.fetchone():
            conn.execute(f'CREATE DATABASE "{db["NAME"]}"')


def measure(client, url, params=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, params)  # warm caches
    timings, queries = [], set()
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            response = client.get(url, params)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, params, response.status_code)
        queries.add(len(ctx.captured_queries))
    return timings, queries


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run(size):
    from django.core.management import call_command
    from django.test import Client

    started = time.perf_counter()
    call_command("load_demo", notices=size, events=60, verbosity=0)
    print(f"\n## {size} Aushänge (Aufbau {time.perf_counter() - started:.0f} s)\n")
    client = Client()
    all_timings, rows = [], []
    for query in QUERIES:
        timings, queries = measure(client, "/de/suche/", {"q": query})
        all_timings += timings
        rows.append((query, statistics.median(timings), p95(timings), queries))
    print("| Suche | Median ms | p95 ms | SQL-Abfragen |")
    print("| --- | ---: | ---: | ---: |")
    for query, median, high, queries in rows:
        print(f"| {query} | {median:.1f} | {high:.1f} | {'/'.join(map(str, sorted(queries)))} |")
    print(
        f"| **alle 20** | **{statistics.median(all_timings):.1f}** | **{p95(all_timings):.1f}** | |"
    )
    print("\n| Liste | Median ms | p95 ms | SQL-Abfragen |")
    print("| --- | ---: | ---: | ---: |")
    for url in LISTINGS:
        timings, queries = measure(client, url)
        print(
            f"| `{url}` | {statistics.median(timings):.1f} | {p95(timings):.1f} | "
            f"{'/'.join(map(str, sorted(queries)))} |"
        )


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DEBUG = False
    ensure_database()
    call_command("migrate", verbosity=0)
    database = settings.DATABASES["default"]
    print(f"Datenbank: {database['ENGINE']} {database['NAME']}")
    run(SIZE)


if __name__ == "__main__":
    main()
