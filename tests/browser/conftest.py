"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

Locally, a missing browser or test tool skips these tests with a hint; in CI (CI=true)
it fails them, so a green run always means they ran.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; the live server's database
# access happens in its own thread, so Django's async-safety guard does not apply.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require(condition, hint):
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"In CI muss das vorhanden sein: {hint}")
    pytest.skip(hint)


@pytest.fixture(scope="session")
def browser():
    require(CHROMIUM.exists(), f"Chromium fehlt ({CHROMIUM}): apt-get install chromium")
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def axe_source():
    require(AXE_JS.exists(), "axe-core fehlt: npm ci (siehe README)")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture
def vnu():
    java = shutil.which("java")
    require(java and VNU_JAR.exists(), "Java oder vnu.jar fehlt: npm ci (siehe README)")
    return [java, "-jar", str(VNU_JAR)]


@pytest.fixture
def site(transactional_db, live_server, settings):
    """The demo site, served by a live server; ``site.url(path)`` gives the full URL."""
    settings.KUPFERSTADT_FORM_MIN_SECONDS = 0
    call_command("load_demo", notices=4, events=2)

    class Site:
        base = live_server.url

        @staticmethod
        def url(path):
            return live_server.url + path

    return Site


# Every public page type, as a citizen reaches it.
PAGES = {
    "Startseite": "/de/",
    "Pinnwand": "/de/pinnwand/",
    "Pinnwand gefiltert": "/de/pinnwand/?topic=familie&region=stadt&page=abc",
    "Pinnwand-Archiv": "/de/pinnwand/archiv/",
    "Aushang": "/de/pinnwand/save-the-date-forum-soziale-kupferstadt-2030/",
    "Aushang gedruckt": "/de/pinnwand/save-the-date-forum-soziale-kupferstadt-2030/druckansicht/",
    "Veranstaltungen": "/de/veranstaltungen/",
    "Veranstaltungen gefiltert": "/de/veranstaltungen/?when=woche&date_from=31.02.2026",
    "Monatsansicht": "/de/veranstaltungen/monat/",
    "Forum": "/de/veranstaltungen/fuenf-jahre-soziale-kupferstadt-2030/",
    "Leitbild": "/de/soziale-kupferstadt-2030/",
    "Initiative": "/de/soziale-kupferstadt-2030/ihko-berg-und-talachse/",
    "Suche mit Treffern": "/de/suche/?q=Forum",
    "Suche ohne Treffer": "/de/suche/?q=Quasselstrippe",
    "Standardseite": "/de/impressum/",
    "Erklärung zur Barrierefreiheit": "/de/barrierefreiheit/",
    "Barriere melden": "/de/barriere-melden/",
    "Angebot melden": "/de/angebot-melden/",
    "So funktioniert die Pinnwand": "/de/so-funktioniert-die-pinnwand/",
    "Leichte Sprache": "/de/leichte-sprache/",
    "Gebärdensprache": "/de/gebaerdensprache/",
    "404": "/de/gibt-es-nicht/",
    "Forum auf Englisch": "/en/veranstaltungen/five-years-social-copper-town-2030/",
    "Startseite auf Arabisch (von rechts nach links)": "/ar/?nicht-uebersetzt=1",
    # German originals in an Arabic list, and a page not yet translated (an alias).
    "Pinnwand auf Arabisch": "/ar/pinnwand/",
    "Aushang auf Arabisch, noch nicht übersetzt": (
        "/ar/pinnwand/save-the-date-forum-soziale-kupferstadt-2030/"
    ),
}
