# The two commands of the README are `make run` and `make test`; the rest are
# the steps they are made of, usable on their own.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
NPM ?= npm

.PHONY: run test test-python test-web lint format schema api-types check-generated web web-dev e2e bench clean

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
run: $(VENV)/.runtime web
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## web-dev: Vite's dev server (hot reload) proxying /api and /media to 127.0.0.1:8000
web-dev: web/node_modules/.package-lock.json
	cd web && $(NPM) run dev

## test: the whole suite: Python (on DATABASE_URL, SQLite by default) and the web unit tests
test: test-python test-web

test-python: $(VENV)/.dev
	$(PY) -m pytest

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

## bench: load benchmark on PostgreSQL; writes docs/BENCHMARKS.md
bench: $(VENV)/.dev
	$(PY) -m bench.run

clean:
	rm -rf var/ web/dist
