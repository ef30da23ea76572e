"""Benchmark: importing a partner's RSS feed of 2,000 items into drafts, then the same feed
unchanged a second time, and a third time answered "304 Not Modified".

Run with ``make bench`` or ``python benchmarks/feeds.py [ITEMS]``. PostgreSQL on 127.0.0.1
by default (``BENCH_DATABASE_URL``); the database ``<BENCH_DATABASE_URL>_feeds`` is made
anew for every run, so the first import always starts from an empty Pinnwand. The feed is
served from a local HTTP server on 127.0.0.1. Prints time and SQL queries in total and
per item. Not a test: nothing here fails a build.
"""

import http.server
import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kupferstadt_bench"
)


def rss(count):
    items = "\n".join(
        f"""<item><title>Angebot {n:05d}: Beratung und Treffpunkt</title>
<link>https://partner.example/angebote/{n}</link><guid>partner-{n}</guid>
<pubDate>Mon, 23 Nov 2026 09:00:00 +0100</pubDate><category>Beratung</category>
<description><![CDATA[<p>Dienstags <strong>ohne Termin</strong>, Nr. {n}.</p>]]></description>
</item>"""
        for n in range(count)
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>
<title>Partner</title><link>https://partner.example/</link><description>x</description>
{items}</channel></rss>""".encode()


def serve(body):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            if self.headers.get("If-None-Match") == '"bench"':
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("ETag", '"bench"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def fresh_database(db):
    import psycopg

    with psycopg.connect(
        host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], dbname="postgres"
    ) as conn:
        conn.autocommit = True
        conn.execute(f'DROP DATABASE IF EXISTS "{db["NAME"]}"')
        conn.execute(f'CREATE DATABASE "{db["NAME"]}"')


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kupferstadt.settings.dev"
    os.environ["DATABASE_URL"] = f"{DATABASE_URL}_feeds"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    settings.KUPFERSTADT_FEEDS_ALLOW_LOOPBACK = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.WAGTAIL_CONTENT_LANGUAGES = [(settings.LANGUAGE_CODE, "Deutsch")]
    fresh_database(settings.DATABASES["default"])
    call_command("migrate", verbosity=0)

    from home.feed_import.sync import import_feed
    from home.models import PartnerFeed, PinnwandPage
    from home.roles import setup_roles
    from kupferstadt.demo.loader import ensure_child, ensure_site
    from kupferstadt.models import Organisation

    setup_roles()
    ensure_child(ensure_site(), PinnwandPage, "pinnwand", title="Pinnwand")
    server = serve(rss(count))
    feed = PartnerFeed.objects.create(
        organisation=Organisation.objects.create(name="Partner"),
        url=f"http://127.0.0.1:{server.server_address[1]}/feed.rss",
        allow_http=True,
    )
    print(f"Partner-Feed mit {count:,} Einträgen (RSS), PostgreSQL {DATABASE_URL}_feeds\n")
    print("| Lauf | Zeit s | ms je Eintrag | SQL | SQL je Eintrag | Ergebnis |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name in ("erster Abruf", "zweiter Abruf, unverändert", "dritter Abruf, 304"):
        if name.startswith("zweiter"):
            feed.etag = ""  # the server's ETag would answer 304; measure a full compare
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            counts = import_feed(feed)
            elapsed = time.perf_counter() - started
        assert counts is not None, feed.last_error
        print(
            f"| {name} | {elapsed:.1f} | {elapsed * 1000 / count:.1f} | {counter.count:,} "
            f"| {counter.count / count:.1f} | {feed.result_summary()} |"
        )
    server.shutdown()


if __name__ == "__main__":
    main()
