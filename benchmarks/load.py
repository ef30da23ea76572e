"""Benchmark: gunicorn under load, measured with wrk on loopback.

Run with ``make bench`` (after the listing benchmark) or ``python benchmarks/load.py
[size]``. It serves the benchmark database of ``size`` notices (default 10000, built by
``benchmarks/search.py``) the way production does: ``kupferstadt/gunicorn.conf.py`` with
``kupferstadt.settings.production``, Redis for the cache, whitenoise for the collected
static files, requests marked as HTTPS by the load balancer's ``X-Forwarded-Proto``.

1. Throughput without the page cache (``KUPFERSTADT_PAGE_CACHE_SECONDS=0``, the site
   frame on): home, a notice, an event and the twenty typical searches, each against a
   static file served by whitenoise from the same gunicorn, at ``BENCH_LOAD_CONNECTIONS``
   (16) connections, in three rounds of ``BENCH_LOAD_SECONDS`` (5) each, taking turns, so
   that a machine changing speed affects both alike; the medians of the rounds are
   compared. Target: each at least 4.5 % of the static file (issue 18).
   Then, with the page cache on, the cached Pinnwand the same way. Target: at least
   0.7 × the static file. One table prints every ratio.
2. A 30-second load at 32 connections that takes turns between the Pinnwand, a notice, an
   event and a search, the search going through the twenty typical terms of the search
   benchmark. Target: no errors (no status other than 200, no socket error, no answer
   slower than wrk's 2-second timeout).

wrk comes from Debian (``apt-get install wrk``); ``make bench`` installs it when missing.
Redis: ``BENCH_REDIS_URL`` (default database 15 on 127.0.0.1, emptied at the start). Not a
test: nothing here fails a build.
"""

import os
import re
import runpy
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
# The twenty typical searches of the search benchmark beside this file.
QUERIES = runpy.run_path(str(Path(__file__).with_name("search.py")))["QUERIES"]
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/kupferstadt_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "5"))
ROUNDS = 3
CONNECTIONS = int(os.environ.get("BENCH_LOAD_CONNECTIONS", "16"))
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Language": "de"}

PAGE = "/de/pinnwand/"
# Uncached (page cache off, site frame on): each against the static file of the same run.
UNCACHED = [
    ("Startseite", "/de/"),
    ("Aushang", "/de/pinnwand/beispiel-aushang-00500/"),
    ("Veranstaltung", "/de/veranstaltungen/beispiel-veranstaltung-500/"),
    ("Suche (20 Begriffe)", None),
]
UNCACHED_GOAL = 0.045
CACHED_GOAL = 0.7
LUA_SEARCHES = """
local searches = {%s}
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", searches[(counter %% #searches) + 1])
end
"""
MIXED = [
    "/de/pinnwand/",
    "/de/pinnwand/beispiel-aushang-00500/",
    "/de/veranstaltungen/beispiel-veranstaltung-500/",
]
SEARCHES = [f"/de/suche/?q={quote(query)}" for query in QUERIES]
LUA_MIXED = """
local paths = {%s}
local searches = {%s}
local counter = 0
request = function()
  counter = counter + 1
  local turn = counter %% (#paths + 1)
  if turn == #paths then
    return wrk.format("GET", searches[(counter %% #searches) + 1])
  end
  return wrk.format("GET", paths[turn + 1])
end
"""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(base, path):
    request = urllib.request.Request(base + path, headers=HEADERS)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.read().decode("utf-8", "replace")


def wait_until_up(base, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn hat sich beendet; siehe das Protokoll oben.")
        try:
            fetch(base, "/de/")
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"gunicorn antwortet nach {seconds} s nicht.")


def wrk(url, seconds, connections, script=None):
    """Runs wrk and returns its figures: requests per second, latencies, errors."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency"]
    for name, value in HEADERS.items():
        command += ["-H", f"{name}: {value}"]
    if script:
        command += ["-s", script]
    output = subprocess.run(command + [url], check=True, capture_output=True, text=True).stdout
    socket_errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.M))
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
        "p50": latency.get("50", "?"),
        "p99": latency.get("99", "?"),
        "errors": (sum(map(int, socket_errors.groups())) if socket_errors else 0)
        + (int(non_2xx.group(1)) if non_2xx else 0),
        "socket_errors": socket_errors.group(0) if socket_errors else "",
        "output": output,
    }


def row(name, result):
    return (
        f"| {name} | {result['rps']:,.0f} | {result['p50']} | {result['p99']} "
        f"| {result['requests']:,} | {result['errors']} |"
    )


def start_server(environment, workdir, name):
    log = (workdir / f"gunicorn-{name}.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "kupferstadt/gunicorn.conf.py"]
        + os.environ.get("BENCH_GUNICORN_ARGS", "").split(),
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    return server, log


def stop_server(server, log):
    server.terminate()
    try:
        server.wait(60)
    except subprocess.TimeoutExpired:  # workers still busy with the last requests
        server.kill()
        server.wait(30)
    log.close()


def alternate(base, static, path, script=None):
    """``ROUNDS`` rounds of the static file and ``path`` taking turns; the median round
    of each and the ratio of the medians."""
    static_runs, page_runs = [], []
    for number in range(ROUNDS):
        turn = [(static_runs, static, None), (page_runs, path, script)]
        for runs, url, lua in turn if number % 2 == 0 else turn[::-1]:
            runs.append(wrk(base + url, SECONDS, CONNECTIONS, script=lua))
    static_run = sorted(static_runs, key=lambda run: run["rps"])[ROUNDS // 2]
    page_run = sorted(page_runs, key=lambda run: run["rps"])[ROUNDS // 2]
    return static_run, page_run, page_run["rps"] / static_run["rps"], static_runs + page_runs


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    if not shutil.which("wrk"):
        raise SystemExit("wrk fehlt: apt-get install wrk")
    workdir = Path(tempfile.mkdtemp(prefix="kupferstadt-load-"))
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "kupferstadt.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"{DATABASE_URL}_{size}",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": "kupferstadt-bench",
        "STATIC_ROOT": str(workdir / "static"),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "LOG_LEVEL": "warning",
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        check=True,
        cwd=ROOT,
        env=environment,
    )
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()
    base = f"http://127.0.0.1:{port}"
    summary = []
    # 1. The page cache off: what a request costs after a publish, for everyone logged in.
    server, log = start_server(
        {**environment, "KUPFERSTADT_PAGE_CACHE_SECONDS": "0"}, workdir, "uncached"
    )
    try:
        wait_until_up(base, server)
        static = re.search(r'href="(/static/[^"]+\.css)"', fetch(base, PAGE)[1]).group(1)
        searches = workdir / "searches.lua"
        searches.write_text(LUA_SEARCHES % ", ".join(f'"{p}"' for p in SEARCHES))
        for name, path in UNCACHED:
            for url in [path] if path else SEARCHES:
                assert fetch(base, url)[0] == 200, url
            static_run, page_run, ratio, _runs = alternate(
                base, static, path or "/", script=None if path else str(searches)
            )
            label = f"{name} ohne Seiten-Cache"
            summary.append((label, page_run, static_run, ratio, UNCACHED_GOAL))
            print(f"- {label}: {page_run['rps']:,.1f} gegen {static_run['rps']:,.0f}", flush=True)
    finally:
        stop_server(server, log)
    redis.Redis.from_url(REDIS_URL).flushdb()
    server, log = start_server(environment, workdir, "cached")
    try:
        wait_until_up(base, server)
        status, html = fetch(base, PAGE)  # renders and caches the page
        static = re.search(r'href="(/static/[^"]+\.css)"', html).group(1)
        for path in [static, *MIXED, *SEARCHES]:
            assert fetch(base, path)[0] == 200, path
        workers = int(os.environ.get("GUNICORN_WORKERS", os.cpu_count() * 2 + 1))
        print(
            f"gunicorn {workers} Prozesse × {os.environ.get('GUNICORN_THREADS', '4')} Threads, "
            f"{size:,} Aushänge, wrk und gunicorn auf derselben Maschine ({os.cpu_count()} Kerne)"
        )
        static_run, page_run, ratio, cached_runs = alternate(base, static, PAGE)
        summary.append(("Pinnwand aus dem Seiten-Cache", page_run, static_run, ratio, CACHED_GOAL))
        script = workdir / "mixed.lua"
        script.write_text(
            LUA_MIXED
            % (", ".join(f'"{path}"' for path in MIXED), ", ".join(f'"{p}"' for p in SEARCHES))
        )
        mixed_run = wrk(base, 30, 32, script=str(script))
    finally:
        stop_server(server, log)
    print(
        f"\n### Durchsatz je Seite gegen die statische Datei desselben gunicorn ({CONNECTIONS} "
        f"Verbindungen, {ROUNDS} Runden zu {SECONDS} s im Wechsel, Median der Runden)\n"
    )
    print("| | Seite Anfragen/s | statisch Anfragen/s | Verhältnis | Ziel | erreicht |")
    print("| --- | ---: | ---: | ---: | ---: | :---: |")
    for name, page_run, static_run, ratio, goal in summary:
        print(
            f"| {name} | {page_run['rps']:,.1f} | {static_run['rps']:,.0f} | {ratio:.3f} "
            f"| ≥ {goal:.3f} | {'ja' if ratio >= goal else '**nein**'} |"
        )
    print("\n### 30 Sekunden, 32 Verbindungen, abwechselnd:\n")
    print(", ".join(f"`{path}`" for path in MIXED) + ", `/de/suche/?q=…` (20 Suchbegriffe)")
    print("\n| | Anfragen/s | Median | p99 | Anfragen | Fehler |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print(row("gemischt", mixed_run))
    for run in (*cached_runs, mixed_run):
        if run["errors"]:
            lines = run["output"].splitlines()
            print("\nwrk meldet Fehler:\n\n" + "\n".join("    " + line for line in lines))
    errors = [
        line
        for log_file in sorted(workdir.glob("gunicorn-*.log"))
        for line in log_file.read_text().splitlines()
        if line
    ]
    print(f"\nProtokoll von gunicorn: {len(errors)} Zeilen")
    for line in errors[:20]:
        print("    " + line)
    shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
