"""Benchmark: the admin at 1,000 and 10,000 notices, time and SQL queries per view.

Run with ``make bench`` or ``python benchmarks/admin.py 1000 10000``. It uses the databases
of the search benchmark (``<BENCH_DATABASE_URL>_<size>``, built by ``benchmarks/search.py``
when missing, see there) and adds, once per database, what the admin lists: the accounts of
the Redaktion and of a partner (``ensure_dev_accounts``) and a superuser for the reports;
every tenth notice owned by the partner and every tenth (shifted by five) by the Redaktion,
so their own notices grow with the board; and ten of the partner's notices waiting in
"Freigabe Pinnwand" in both sizes (a work queue, not a share of the board). The public
pages stay as they were.

Each size is served by a process of its own through Django's test client; the sizes take
turns as in the search benchmark. The table gives median and p95 server time, SQL queries
per request and the ratio of the medians (goal: the same queries, at most 1.3 times the
time). Not a test: nothing here fails a build.
"""

import os
import sys
import time
from pathlib import Path

from loader import load_search_benchmark

ROOT = Path(__file__).resolve().parents[1]
SUBMISSIONS = 10
PASSWORD = "kupferstadt-bench"


bench = load_search_benchmark()


def views():
    """``[(name, user, address)]``; the addresses need the database (page ids)."""
    from django.urls import reverse

    from home.models import NoticePage, PinnwandPage

    pinnwand = PinnwandPage.objects.get(locale__language_code="de")
    notice = NoticePage.objects.get(slug="beispiel-aushang-00500", locale=pinnwand.locale)
    return [
        ("Pinnwand im Seitenbaum", "redaktion", f"/admin/pages/{pinnwand.pk}/"),
        ("Pinnwand im Seitenbaum, Seite 10", "redaktion", f"/admin/pages/{pinnwand.pk}/?p=10"),
        ("Startseite der Redaktion", "redaktion", "/admin/"),
        ("Startseite einer Partnerin", "partner", "/admin/"),
        ("Startseite der Freigabe", "freigabe", "/admin/"),
        ("Aushang bearbeiten", "redaktion", f"/admin/pages/{notice.pk}/edit/"),
        ("Übersetzungsstand", "admin", reverse("translation_status")),
        ("Suchanfragen", "admin", reverse("search_terms_report")),
    ]


def prepare_admin():
    """The accounts, owners and submissions described above; once per database."""
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from home.models import NoticePage
    from home.roles import ensure_dev_accounts, setup_roles

    User = get_user_model()
    if User.objects.filter(username="admin").exists():
        return
    with transaction.atomic():
        setup_roles()
        ensure_dev_accounts(PASSWORD)
        User.objects.create_superuser("admin", "admin@example.org", PASSWORD)
        users = {user.username: user for user in User.objects.all()}
        notices = list(NoticePage.objects.filter(locale__language_code="de").order_by("pk"))
        for owner, offset in (("partner", 0), ("redaktion", 5)):
            pks = [notice.pk for notice in notices[offset::10]]
            NoticePage.objects.filter(pk__in=pks).update(owner=users[owner])
        partner = users["partner"]
        for notice in NoticePage.objects.filter(owner=partner, live=True).order_by("pk")[
            :SUBMISSIONS
        ]:
            notice.teaser = f"{notice.teaser} (überarbeitet)"
            notice.save_revision(user=partner)
            notice.get_workflow().start(notice, partner)


def serve_size(size):
    """Builds (once) one size, then measures the requests it reads from standard input,
    ``<user> <address>`` a line, answering each with a JSON line."""
    import json

    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "kupferstadt.settings.dev"
    os.environ["DATABASE_URL"] = f"{bench.DATABASE_URL}_{size}"
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.DEBUG = False
    settings.KUPFERSTADT_PAGE_CACHE_SECONDS = 0
    # The approvers' notification mails of the submissions stay in memory.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.WAGTAIL_CONTENT_LANGUAGES = [(settings.LANGUAGE_CODE, "Deutsch")]
    bench.ensure_database(settings.DATABASES["default"])
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    call_command("load_demo", notices=size, events=bench.EVENTS, languages=False, verbosity=0)
    bench.arabic_board()
    prepare_admin()
    print(json.dumps({"build": time.perf_counter() - started}), flush=True)
    print(json.dumps({"views": views()}), flush=True)
    clients = {}
    for user in get_user_model().objects.filter(
        username__in=["redaktion", "partner", "freigabe", "admin"]
    ):
        clients[user.username] = Client()
        clients[user.username].force_login(user)
    for line in sys.stdin:
        username, url = line.split()
        print(json.dumps(bench.measure_once(clients[username], url)), flush=True)


class Server(bench.Server):
    script = Path(__file__)


def main():
    sizes = [int(arg) for arg in sys.argv[1:]] or [1000, 10000]
    print(f"Datenbank: {bench.DATABASE_URL}_<Größe>, {bench.ROUNDS} Runden")
    servers = []
    for size in sizes:
        servers.append(Server(size))
        build = servers[-1].answer()["build"]
        print(f"- {size:,} Aushänge: Daten bereit nach {build:.0f} s")
    # The same views in every size (their page ids differ).
    addresses = {server.size: server.answer()["views"] for server in servers}
    names = [name for name, _user, _url in addresses[sizes[0]]]
    started = time.perf_counter()
    requests = [
        {server.size: " ".join(addresses[server.size][index][1:]) for server in servers}
        for index in range(len(names))
    ]
    answers = bench.collect(servers, requests)
    for server in servers:
        server.close()
    print(f"- Messung: {time.perf_counter() - started:.0f} s, Größen im Wechsel")
    runs = [
        {"size": size, "admin": {n: bench.summary(answers[size][i]) for i, n in enumerate(names)}}
        for size in sizes
    ]
    bench.table("Verwaltung", names, runs, "admin", last=False)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve_size(int(sys.argv[2]))
    else:
        main()
