"""Benchmark: the calendar at 100 and at 1,000 weekly series with 18 months of dates.

Run with ``make bench`` or ``python benchmarks/series.py 100 1000``. PostgreSQL on
127.0.0.1 by default (``BENCH_DATABASE_URL``); each size gets its own database
(``<BENCH_DATABASE_URL>_series_<size>``), built once (the demo's seed, then the series
with their occurrence rows from 90 days ago to the horizon) and vacuumed; later runs reuse
it. Of the series, the first 100 carry the topic "Familie" at every size, so the filtered
addresses list the same series at both sizes while the database grows tenfold.

As ``benchmarks/search.py``: every size is served by a process of its own through Django's
test client, the sizes take turns in every round, the page cache is off. The table gives
the median and p95 server time, SQL queries per request, the size of the answer and the
ratio of the medians. Not a test: nothing here fails a build.
"""

import datetime
import json
import os
import sys
import time
from pathlib import Path

from loader import load_search_benchmark

ROOT = Path(__file__).resolve().parents[1]


# The database, the measuring processes and the alternating rounds of the search benchmark.
bench = load_search_benchmark()
DATABASE_URL = bench.DATABASE_URL
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "9"))
FILTERED = 100  # series with the topic "Familie", at every size
SLUG = "bench-reihe-{:04d}"


def addresses(today):
    following = (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    month = f"{following:%Y-%m}"
    return [
        ("Veranstaltungen", "/de/veranstaltungen/"),
        ("Veranstaltungen, Seite 5", "/de/veranstaltungen/?page=5"),
        ("Veranstaltungen diese Woche", "/de/veranstaltungen/?when=woche"),
        ("Veranstaltungen im nächsten Monat", f"/de/veranstaltungen/?month={month}"),
        ("Monatsansicht „Familie“", f"/de/veranstaltungen/monat/{month}/?topic=familie"),
        ("Monatsansicht, alle", f"/de/veranstaltungen/monat/{month}/"),
        ("iCal „Familie“", "/de/veranstaltungen/ical/?topic=familie"),
        ("iCal, alle", "/de/veranstaltungen/ical/"),
        ("API: Veranstaltungen", "/api/v2/pages/?type=events.EventPage&fields=start,end"),
        ("Eine Reihe", f"/de/veranstaltungen/{SLUG.format(1)}/"),
    ]


# --- one size, in its own process --------------------------------------------------------


def build_series(size):
    """``size`` weekly series under the calendar, each from 90 days ago without end, on
    the weekdays and hours in turn; the first ``FILTERED`` about "Familie". Returns how
    many were added (none when the database has them already)."""
    from django.utils import timezone

    from events.models import EventIndexPage, EventPage, Repeat, rebuild_many
    from kupferstadt.demo.loader import ensure_reference_data
    from kupferstadt.indexing import deferred_indexing, index_pages
    from kupferstadt.models import Venue

    calendar = EventIndexPage.objects.get(slug="veranstaltungen", locale__language_code="de")
    existing = set(
        EventPage.objects.child_of(calendar)
        .filter(slug__startswith="bench-reihe-")
        .values_list("slug", flat=True)
    )
    topics = ensure_reference_data()["topics"]
    venue, _created = Venue.objects.get_or_create(
        name="Treffpunkt Messreihe",
        defaults={"street": "Rathausstraße 11", "postal_code": "52222", "city": "Stolberg"},
    )
    first_day = timezone.localdate() - datetime.timedelta(days=90)
    created = []
    with deferred_indexing():
        for number in range(1, size + 1):
            if SLUG.format(number) in existing:
                continue
            day = first_day + datetime.timedelta(days=number % 7)
            start = timezone.make_aware(
                datetime.datetime.combine(day, datetime.time(9 + number % 10))
            )
            page = EventPage(
                title=f"Messreihe {number:04d}",
                slug=SLUG.format(number),
                start=start,
                end=start + datetime.timedelta(hours=2),
                repeat=Repeat.WEEKLY,
                status="scheduled",
                venue=venue,
                topics=[topics["Familie"] if number <= FILTERED else topics["Bildung"]],
                first_published_at=timezone.now(),
                last_published_at=timezone.now(),
            )
            calendar.add_child(instance=page)
            created.append(page.pk)
    index_pages(EventPage, created)
    pages = EventPage.objects.filter(pk__in=created).prefetch_related(
        "extra_dates", "excluded_dates", "occurrence_changes"
    )
    rebuild_many(pages)
    return len(created)


def serve_size(size):
    """Builds (once) one size, then measures the URLs it reads from standard input."""
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kupferstadt.settings.dev"
    os.environ["DATABASE_URL"] = f"{DATABASE_URL}_series_{size}"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from events.models import EventOccurrence

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DEBUG = False
    settings.KUPFERSTADT_PAGE_CACHE_SECONDS = 0
    settings.WAGTAIL_CONTENT_LANGUAGES = [(settings.LANGUAGE_CODE, "Deutsch")]
    bench.ensure_database(settings.DATABASES["default"])
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_demo", notices=0, events=0, languages=False, verbosity=0)
    added = build_series(size)
    if added:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    rows = EventOccurrence.objects.count()
    print(json.dumps({"build": time.perf_counter() - started, "rows": rows}), flush=True)
    client = Client()
    for line in sys.stdin:
        print(json.dumps(bench.measure_once(client, line.strip())), flush=True)


# --- the comparison ------------------------------------------------------------------------


class Server(bench.Server):
    script = Path(__file__)
    unit = "Reihen"


def main():
    sizes = [int(arg) for arg in sys.argv[1:]] or [100, 1000]
    print(f"Datenbank: {DATABASE_URL}_series_<Größe>, {ROUNDS} Runden")
    servers = []
    for size in sizes:
        servers.append(Server(size))
        ready = servers[-1].answer()
        print(
            f"- {size:,} Reihen: {ready['rows']:,} Termine, Daten bereit nach "
            f"{ready['build']:.0f} s"
        )
    named = addresses(datetime.date.today())
    answers = bench.collect(
        servers, [{s.size: url for s in servers} for _name, url in named], ROUNDS
    )
    for server in servers:
        server.close()
    print("\n### Kalender mit wöchentlichen Reihen\n")
    head = " | ".join(f"{s:,} Median ms | {s:,} p95 ms | {s:,} SQL | {s:,} KB" for s in sizes)
    print(f"| | {head} | Verhältnis Median | SQL gleich |")
    print("| --- |" + " ---: |" * (4 * len(sizes) + 1) + " :---: |")
    for index, (name, _url) in enumerate(named):
        measured = [bench.summary(answers[size][index]) for size in sizes]
        cells = [
            f"{m['median']:.1f} | {m['p95']:.1f} | {bench.queries_text(m['queries'])} | "
            f"{answers[size][index][-1]['bytes'] / 1024:,.0f}"
            for size, m in zip(sizes, measured, strict=True)
        ]
        low, high = measured[0], measured[-1]
        ratio = high["median"] / low["median"] if low["median"] else 0
        same = "ja" if low["queries"] == high["queries"] else "**nein**"
        print(f"| {name} | {' | '.join(cells)} | {ratio:.2f} | {same} |")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve_size(int(sys.argv[2]))
    else:
        main()
