"""Benchmark: search and listing latency and SQL queries at 1,000 and 10,000 notices.

Run with ``make bench`` (PostgreSQL on 127.0.0.1 by default; ``BENCH_DATABASE_URL`` to
change), or ``python benchmarks/search.py 1000 10000``. Each size gets its own database
(``<BENCH_DATABASE_URL>_<size>``), filled once by the demo generator (``load_demo
--notices N --events M``, indexed in bulk) and vacuumed; later runs reuse it. Each size
is served by a process of its own through Django's test client, and the sizes take turns:
every round asks each URL of every size once, alternating which size goes first, so a
machine that gets slower or faster during the run affects all sizes alike. The table
compares the sizes: median and p95 server time, SQL queries per request, and the ratio of
the medians, with the page cache off (the work a request does). Not a test: nothing here
fails a build.
"""

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kupferstadt_bench"
)
EVENTS = int(os.environ.get("BENCH_EVENTS", "1000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "15"))

# Twenty searches as citizens type them: topics, offers, places, people, typos of umlauts.
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
    ("Startseite", "/de/"),
    ("Pinnwand, Seite 1", "/de/pinnwand/"),
    ("Pinnwand auf Arabisch", "/ar/pinnwand/"),
    ("Pinnwand, Seite 40", "/de/pinnwand/?page=40"),
    ("Pinnwand gefiltert", "/de/pinnwand/?topic=familie&region=stadt"),
    ("Pinnwand-Archiv", "/de/pinnwand/archiv/"),
    ("Aushang", "/de/pinnwand/beispiel-aushang-00500/"),
    ("Veranstaltungen", "/de/veranstaltungen/"),
    ("Kalender (iCal)", "/de/veranstaltungen/ical/"),
    ("Aushänge (RSS)", "/de/pinnwand/rss/"),
    ("Leitbild", "/de/soziale-kupferstadt-2030/"),
    ("Suche „Familie“", "/de/suche/?q=Familie"),
    ("API: Aushänge", "/api/v2/pages/?type=home.NoticePage&fields=teaser,topics"),
]


def p95(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# --- one size, in its own process --------------------------------------------------------


def ensure_database(db):
    import psycopg

    with psycopg.connect(
        host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], dbname="postgres"
    ) as conn:
        conn.autocommit = True
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]])
        if not exists.fetchone():
            conn.execute(f'CREATE DATABASE "{db["NAME"]}"')


def measure_once(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    connection.queries_log.clear()  # it keeps at most 9,000 queries, then counts none
    with CaptureQueriesContext(connection) as ctx:
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return {"ms": elapsed, "queries": len(ctx.captured_queries), "bytes": len(response.content)}


def serve_size(size):
    """Builds (once) one size, then measures the URLs it reads from standard input, one
    request per line, answering each with a JSON line."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kupferstadt.settings.dev"
    os.environ["DATABASE_URL"] = f"{DATABASE_URL}_{size}"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DEBUG = False
    # Server time means the work of a request: the anonymous page cache stays off here.
    settings.KUPFERSTADT_PAGE_CACHE_SECONDS = 0
    # German only: every further language mirrors each notice as an alias page
    # (wagtail-localize), which would take hours to build at 10,000 notices.
    settings.WAGTAIL_CONTENT_LANGUAGES = [(settings.LANGUAGE_CODE, "Deutsch")]
    ensure_database(settings.DATABASES["default"])
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_demo", notices=size, events=EVENTS, languages=False, verbosity=0)
    arabic_board()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # as autovacuum would after a bulk load
    print(json.dumps({"build": time.perf_counter() - started}), flush=True)
    client = Client()
    for line in sys.stdin:
        print(json.dumps(measure_once(client, line.strip())), flush=True)


def arabic_board():
    """Arabic beside German, as a city starts a language: the home page and the Pinnwand
    translated, every notice still German (the board falls back to the originals,
    ``kupferstadt.i18n.shown_in_q``). Without wagtail-localize's tree synchronisation,
    whose 10,000 aliases would take hours to build and are never listed."""
    from django.conf import settings
    from django.test.utils import override_settings
    from wagtail.models import Locale

    from home.models import HomePage, PinnwandPage
    from kupferstadt.demo.translations import translate

    languages = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("ar", "العربية")]
    override_settings(WAGTAIL_CONTENT_LANGUAGES=languages).enable()
    arabic, _created = Locale.objects.get_or_create(language_code="ar")
    german = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    for model in (HomePage, PinnwandPage):
        translate(model.objects.get(locale=german), arabic, {})


# --- the comparison ------------------------------------------------------------------------


class Server:
    """One size's measuring process: ``script`` run with ``--serve <size>``, answering one
    JSON line per request it reads (the admin and series benchmarks run their own)."""

    script = Path(__file__)
    unit = "Aushänge"

    def __init__(self, size):
        self.size = size
        self.process = subprocess.Popen(
            [sys.executable, str(self.script), "--serve", str(size)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=ROOT,
        )

    def answer(self):
        """The next JSON line; other output (the demo loader's report) is passed on."""
        while line := self.process.stdout.readline():
            if line.startswith("{"):
                return json.loads(line)
            print("  " + line.rstrip())
        raise SystemExit(f"Die Messung für {self.size:,} {self.unit} ist abgebrochen.")

    def get(self, url):
        self.process.stdin.write(url + "\n")
        self.process.stdin.flush()
        return self.answer()

    def close(self):
        self.process.stdin.close()
        self.process.wait()


def collect(servers, requests, rounds=ROUNDS):
    """``{size: [answers of request 0, answers of request 1, ...]}``. A request is
    ``{size: what that size's process is sent}``. After one of each to warm per-process
    caches, ``rounds`` rounds in which every size answers every request once, the sizes
    alternating which goes first."""
    answers = {server.size: [[] for _request in requests] for server in servers}
    for request in requests:
        for server in servers:
            server.get(request[server.size])
    for round_number in range(rounds):
        for index, request in enumerate(requests):
            turn = servers if round_number % 2 == 0 else servers[::-1]
            for server in turn:
                answers[server.size][index].append(server.get(request[server.size]))
    return answers


def summary(answers):
    """Median, p95, timings and the distinct query counts of one request's answers."""
    timings = [answer["ms"] for answer in answers]
    return {
        "median": statistics.median(timings),
        "p95": p95(timings),
        "timings": timings,
        "queries": sorted({answer["queries"] for answer in answers}),
    }


def measure_all(servers, urls):
    """``{size: {url: summary}}``, every size asked the same URLs (``collect``)."""
    answers = collect(servers, [{server.size: url for server in servers} for url in urls])
    return {
        size: {url: summary(by_request[index]) for index, url in enumerate(urls)}
        for size, by_request in answers.items()
    }


def queries_text(values):
    return "/".join(map(str, values))


def table(title, names, runs, first, last):
    print(f"\n### {title}\n")
    sizes = [run["size"] for run in runs]
    head = " | ".join(f"{s:,} Median ms | {s:,} p95 ms | {s:,} SQL" for s in sizes)
    print(f"| | {head} | Verhältnis Median | SQL gleich |")
    print("| --- |" + " ---: |" * (3 * len(sizes) + 1) + " :---: |")
    for name in names:
        cells = []
        for run in runs:
            m = run[first][name]
            cells.append(f"{m['median']:.1f} | {m['p95']:.1f} | {queries_text(m['queries'])}")
        low, high = runs[0][first][name], runs[-1][first][name]
        ratio = high["median"] / low["median"] if low["median"] else 0
        same = "ja" if low["queries"] == high["queries"] else "**nein**"
        print(f"| {name} | {' | '.join(cells)} | {ratio:.2f} | {same} |")
    if last:
        cells = []
        for run in runs:
            timings = [t for m in run[first].values() for t in m["timings"]]
            cells += [f"**{statistics.median(timings):.1f}**", f"**{p95(timings):.1f}**", ""]
        print(f"| **alle {len(names)} Suchen** | {' | '.join(cells)} | | |")


def main():
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 10000]
    print(f"Datenbank: {DATABASE_URL}_<Größe>, {EVENTS:,} Veranstaltungen, {ROUNDS} Runden")
    servers = []
    for size in sizes:  # one after the other: the first build of a size takes minutes
        servers.append(Server(size))
        build = servers[-1].answer()["build"]
        print(f"- {size:,} Aushänge: Daten bereit nach {build:.0f} s")
    started = time.perf_counter()
    search_urls = {query: f"/de/suche/?q={quote(query)}" for query in QUERIES}
    measured = measure_all(servers, [*search_urls.values(), *(url for _n, url in LISTINGS)])
    for server in servers:
        server.close()
    print(f"- Messung: {time.perf_counter() - started:.0f} s, Größen im Wechsel")
    runs = [
        {
            "size": size,
            "searches": {query: measured[size][url] for query, url in search_urls.items()},
            "listings": {name: measured[size][url] for name, url in LISTINGS},
        }
        for size in sizes
    ]
    table("Suche (20 typische Anfragen)", QUERIES, runs, "searches", last=True)
    table("Listen, Feeds und API", [name for name, _url in LISTINGS], runs, "listings", False)
    goals(runs)


def goals(runs):
    """The search targets of issue 18 in one table: the twenty searches' p95 against the
    Pinnwand's in the same run (largest size), and the frequent words' median at the
    largest size against the smallest."""
    low, high = runs[0], runs[-1]
    searches = [t for m in high["searches"].values() for t in m["timings"]]
    board = high["listings"]["Pinnwand, Seite 1"]["timings"]
    rows = [
        (
            f"Suche p95 / Pinnwand p95 bei {high['size']:,}",
            p95(searches) / p95(board),
            3.0,
        )
    ]
    for word in ("Familie", "Computerkurs"):
        ratio = high["searches"][word]["median"] / low["searches"][word]["median"]
        rows.append((f"„{word}“ {high['size']:,} / {low['size']:,}", ratio, 1.3))
    print("\n### Ziele der Suche (Ticket 18)\n")
    print("| | Verhältnis | Ziel | erreicht |")
    print("| --- | ---: | ---: | :---: |")
    for name, ratio, goal in rows:
        print(f"| {name} | {ratio:.2f} | ≤ {goal:.1f} | {'ja' if ratio <= goal else '**nein**'} |")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve_size(int(sys.argv[2]))
    else:
        main()
