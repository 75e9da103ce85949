# The two commands of the README are `make run` and `make test`; the rest are
# the steps they are made of, usable on their own.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
NPM ?= npm

.PHONY: run test test-python test-web faults lint format schema api-types check-generated web web-dev e2e bench clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

web/node_modules/.package-lock.json: web/package-lock.json
	cd web && $(NPM) ci --no-audit --no-fund

## web: build the web app into web/dist (Django serves it at /)
web: web/node_modules/.package-lock.json
	cd web && $(NPM) run build

## run: install, migrate, build the web app, load demo data and serve on 127.0.0.1:$(PORT)
# One ASGI server serves the API, the web app and the live event stream; a task
# worker beside it sends the emails (to the console), stopped with the server.
run: $(VENV)/.runtime web
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py seed_demo
	$(PY) manage.py payments_schedule
	$(PY) manage.py task_worker --interval 1 & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/uvicorn config.asgi:application --host 127.0.0.1 --port $(PORT) \
	    --lifespan off --timeout-graceful-shutdown 3

## web-dev: Vite's dev server (hot reload) proxying /api and /media to 127.0.0.1:8000
web-dev: web/node_modules/.package-lock.json
	cd web && $(NPM) run dev

## test: the whole suite: Python (on DATABASE_URL, SQLite by default) and the web unit tests
test: test-python test-web

test-python: $(VENV)/.dev
	$(PY) -m pytest

## faults: Redis and PostgreSQL stopped under real app servers (its own throwaway ones)
faults: $(VENV)/.dev
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/campus} $(PY) -m pytest tests/faults

test-web: web/node_modules/.package-lock.json
	cd web && $(NPM) test

## lint: ruff, formatting, migrations in step with models, generated files in step with their source
lint: $(VENV)/.dev check-generated
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run

format: $(VENV)/.dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## schema: regenerate docs/openapi.yaml from the code; api-types: and the web client's types from it
schema: $(VENV)/.runtime
	$(PY) manage.py spectacular --validate --fail-on-warn --file docs/openapi.yaml

api-types: schema web/node_modules/.package-lock.json
	cd web && $(NPM) run gen:api

check-generated: $(VENV)/.runtime web/node_modules/.package-lock.json
	mkdir -p var
	$(PY) manage.py spectacular --validate --fail-on-warn --file var/openapi.check.yaml
	diff -u docs/openapi.yaml var/openapi.check.yaml
	cd web && $(NPM) run --silent gen:api:check

## e2e: browser tests (@playwright/test driving Debian's chromium, desktop and phone) against a fresh server
e2e: $(VENV)/.runtime web
	cd web && $(NPM) run e2e

## bench: load benchmark on PostgreSQL (gunicorn, and uvicorn for the live rows); writes
## docs/BENCHMARKS.md and bench/previous.json. Knobs in bench/run.py; a quick trial on a small
## campus: BENCH_SCALE=0.05 BENCH_DURATION=3 BENCH_OUTPUT=var/bench/trial.md make bench
## Then the lunch rush (bench/rush.py, its own database; alone: python -m bench.rush).
bench: $(VENV)/.dev
	$(PY) -m bench.run
	$(PY) -m bench.rush

clean:
	rm -rf var/ web/dist
