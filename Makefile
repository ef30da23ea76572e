# The README's two commands: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
DEV_USER := admin
DEV_PASSWORD := kupferstadt

.PHONY: run test install install-test migrate demo lint format bench clean

$(PY):
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 wird benötigt ($(PYTHON) nicht gefunden)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files make a second run skip the installation unless pyproject.toml changed.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test,postgres]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo --dev-login $(DEV_USER):$(DEV_PASSWORD)

run: demo
	@echo ""
	@echo "  Website:       http://127.0.0.1:$(PORT)/de/"
	@echo "  Verwaltung:    http://127.0.0.1:$(PORT)/admin/"
	@echo "  Anmeldung:     $(DEV_USER) / $(DEV_PASSWORD)   (nur für die Entwicklung)"
	@echo ""
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install-test
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: install-test
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 media .test-media
