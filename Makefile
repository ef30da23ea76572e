# The README's two commands: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The suite runs in parallel, one process per core (pytest-xdist); TEST_WORKERS=0 runs it in
# one process.
TEST_WORKERS ?= auto
DEV_USER := admin
DEV_PASSWORD := kupferstadt

.PHONY: run test test-browser handbook fuzz messages install install-test migrate demo lint format bench clean

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 wird benötigt ($(PYTHON) nicht gefunden)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files make a second run skip the installation unless pyproject.toml changed.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test,postgres,production]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# axe-core and the Nu Html Checker for the browser tests come from the npm registry.
# Without npm the browser tests that need them are skipped locally (and fail in CI).
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else \
		echo "Hinweis: npm fehlt; die Prüfungen mit axe-core und vnu werden übersprungen."; \
	fi

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo --dev-login $(DEV_USER):$(DEV_PASSWORD)

run: demo
	@echo ""
	@echo "  Website:       http://127.0.0.1:$(PORT)/de/"
	@echo "  Verwaltung:    http://127.0.0.1:$(PORT)/admin/"
	@echo "  Anmeldung:     $(DEV_USER) / $(DEV_PASSWORD)   (nur für die Entwicklung)"
	@echo "  Rollen:        redaktion, partner, freigabe – gleiches Passwort"
	@echo "  Maschinelle Übersetzung: Worker läuft im Hintergrund mit"
	@echo ""
	@# The machine translation worker runs beside the server and stops with it (Ctrl-C).
	$(PY) manage.py db_worker --backend machine_translation --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install-test node_modules/.installed
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

test-browser: install-test node_modules/.installed
	$(PY) -m pytest tests/browser $(PYTEST_ARGS)

# The handbook's pictures from the real admin (tests/browser/test_handbook.py), written to
# kupferstadt/static/kupferstadt/handbook/.
handbook: install-test
	HANDBOOK_WRITE=1 $(PY) -m pytest tests/browser/test_handbook.py $(PYTEST_ARGS)

# The fuzzer of the public addresses with many more generated requests than in `make test`
# (tests/kupferstadt/test_fuzz_public_routes.py); it prints how many it sent.
fuzz: install-test
	HYPOTHESIS_PROFILE=fuzz $(PY) -m pytest -p no:xdist tests/kupferstadt/test_fuzz_public_routes.py $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run
	$(VENV)/bin/lint-imports --no-cache

format: install-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Compiles the gettext catalogues (kupferstadt/locale/*/LC_MESSAGES/django.po) with polib,
# so no system gettext is needed; the compiled .mo files are committed.
messages: install
	$(PY) -c "import pathlib, polib; [polib.pofile(str(p)).save_as_mofile(str(p.with_suffix('.mo'))) for p in pathlib.Path('kupferstadt/locale').glob('*/LC_MESSAGES/django.po')]"

# Benchmarks on PostgreSQL and Redis (not part of the tests): see benchmarks/. The listing
# and search benchmark builds the sample data; the load benchmark serves the largest size
# with gunicorn and measures it with wrk from Debian; the series benchmark compares the
# calendar at 100 and 1,000 weekly series.
BENCH_SIZES ?= 1000 10000
BENCH_FEED_ITEMS ?= 2000
BENCH_SERIES ?= 100 1000
bench: install-test
	$(PY) benchmarks/search.py $(BENCH_SIZES)
	$(PY) benchmarks/admin.py $(BENCH_SIZES)
	@command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
	$(PY) benchmarks/load.py $(lastword $(BENCH_SIZES))
	$(PY) benchmarks/feeds.py $(BENCH_FEED_ITEMS)
	$(PY) benchmarks/series.py $(BENCH_SERIES)

clean:
	rm -rf $(VENV) db.sqlite3 media .test-media node_modules
