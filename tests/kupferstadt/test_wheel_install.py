"""`pip install .` gives a site that renders, not only the editable install of a checkout.

The wheel is built from a copy of the checkout and installed into a fresh virtual
environment outside it; a separate Python process with that environment migrates its own
SQLite database, loads the demo content and requests pages with Django's test client.
Nothing may come from the checkout: templates, static files and the compiled catalogues
have to be in the wheel.
"""

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]

# What a build of a fresh clone would not see (see .gitignore), in the checkout's top level
# and anywhere below it.
TOP_LEVEL_LEFT_OUT = {
    ".git",
    ".venv",
    "node_modules",
    "build",
    "dist",
    "media",
    "static",
    ".test-media",
    "db.sqlite3",
}
ANYWHERE_LEFT_OUT = shutil.ignore_patterns(
    "__pycache__", "*.pyc", "*.egg-info", ".pytest_cache", ".ruff_cache"
)

# Runs in the fresh environment with the wheel's code and reports what a visitor gets.
SITE_CHECK = textwrap.dedent(
    """
    import json
    from pathlib import Path

    import django

    django.setup()

    from django.contrib.staticfiles import finders
    from django.core.management import call_command
    from django.template.loader import get_template
    from django.test import Client

    import events, home, kupferstadt, projects, search

    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo", notices=1, events=1, verbosity=0)
    client = Client(raise_request_exception=False)
    pages = {}
    for path in ("/de/", "/en/"):
        response = client.get(path)
        pages[path] = {"status": response.status_code, "text": response.content.decode()}
    Path("report.json").write_text(json.dumps({
        "modules": {m.__name__: m.__file__ for m in (kupferstadt, home, events, projects, search)},
        "base_template": get_template("base.html").origin.name,
        "static": {name: finders.find(name) for name in ("css/site.css", "search/autocomplete.js")},
        "pages": pages,
    }))
    """
)


def copy_checkout(target):
    """The checkout as a fresh clone has it: no virtual environment, no earlier build
    (setuptools would put a stale build/lib into the wheel), no local database."""

    def ignore(directory, names):
        left_out = set(ANYWHERE_LEFT_OUT(directory, names))
        if Path(directory) == CHECKOUT:
            left_out |= TOP_LEVEL_LEFT_OUT & set(names)
        return left_out

    shutil.copytree(CHECKOUT, target, ignore=ignore)


def run(command, **kwargs):
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    assert result.returncode == 0, (
        f"{' '.join(map(str, command))}\n{result.stdout}\n{result.stderr}"
    )
    return result.stdout


def build_and_install(tmp_path):
    """Builds the wheel as `pip install .` does and installs it into a fresh environment
    whose other packages come from this one (no download, no second installation)."""
    source, dist, venv = tmp_path / "source", tmp_path / "dist", tmp_path / "venv"
    copy_checkout(source)
    # With build isolation, as `pip install .` builds it: pip fetches the build backend
    # of [build-system] just as `make install` does.
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", dist, source])
    (wheel,) = dist.glob("kupferstadt-*.whl")
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--quiet"]
        + ["--no-deps", "--no-index", wheel]
    )
    # The dependencies from this environment, behind the fresh one's own site-packages.
    # Python reads no .pth file in a directory added this way, so the editable install's
    # path to the checkout stays out.
    fresh = Path(
        run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"]).strip()
    )
    ours = dict.fromkeys([sysconfig.get_path("purelib"), sysconfig.get_path("platlib")])
    (fresh / "kupferstadt_test_dependencies.pth").write_text("\n".join(ours) + "\n")
    return python


def test_site_installed_from_the_wheel_renders_with_its_templates_static_files_and_catalogues(
    tmp_path,
):
    python = build_and_install(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    (work / "site_check.py").write_text(SITE_CHECK)
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONHOME", "SEARCH_URL"}
    } | {
        "DJANGO_SETTINGS_MODULE": "kupferstadt.settings.test",
        # Its own database, in memory: the one process migrates, loads and requests.
        "DATABASE_URL": "sqlite://:memory:",
    }
    run([python, "site_check.py"], cwd=work, env=environment)
    report = json.loads((work / "report.json").read_text())

    venv = tmp_path / "venv"
    for name, path in report["modules"].items():
        assert Path(path).is_relative_to(venv), f"{name} was imported from {path}"
    assert Path(report["base_template"]).is_relative_to(venv)
    for name, path in report["static"].items():
        assert path and Path(path).is_relative_to(venv), f"{name} not found in the wheel"

    german, english = report["pages"]["/de/"], report["pages"]["/en/"]
    assert german["status"] == 200, german["text"][:2000]
    assert "SAVE THE DATE: Forum „Fünf Jahre Soziale Kupferstadt 2030“" in german["text"]
    assert "Zum Inhalt springen" in german["text"]
    assert english["status"] == 200, english["text"][:2000]
    # The project's own catalogue (kupferstadt/locale), compiled: Wagtail has no such string.
    assert "Skip to content" in english["text"]
    assert "Zum Inhalt springen" not in english["text"]
