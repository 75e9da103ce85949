#!/bin/sh
# The server for the browser tests, started and stopped by Playwright (webServer
# in playwright.config.ts): the real Django app and the built web app, on a
# fresh SQLite database with the demo data, at 127.0.0.1:$E2E_PORT.
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
state="$repo/var/e2e"
python="$repo/.venv/bin/python"

[ -n "${E2E_PORT:-}" ] || { echo "serve.sh: E2E_PORT is not set" >&2; exit 2; }
[ -x "$python" ] || { echo "serve.sh: no virtualenv at $python (make run or make test creates it)" >&2; exit 2; }
[ -f "$repo/web/dist/index.html" ] || { echo "serve.sh: web/dist is not built (make e2e builds it)" >&2; exit 2; }

rm -rf "$state"
mkdir -p "$state/media"
export DATABASE_URL="sqlite:///$state/db.sqlite3"
export MEDIA_ROOT="$state/media"
export DEBUG=true
export PYTHONUNBUFFERED=1
# A local cache of its own (login throttles, catalogue cache), never a shared Redis.
unset REDIS_URL
# Emails (password reset and verification links) land as files the tests read
# (support/mail.ts). Tasks run in the request's own process right after the
# commit, so an email is there when the request answers, with no worker to start.
mkdir -p "$state/mail"
export EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend
export EMAIL_FILE_PATH="$state/mail"
export TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend
export FRONTEND_URL="http://127.0.0.1:$E2E_PORT"

cd "$repo"
"$python" manage.py migrate --noinput >"$state/migrate.log"
"$python" manage.py seed_demo >"$state/seed.log"
echo "serve.sh: serving on http://127.0.0.1:$E2E_PORT (log: var/e2e/server.log)"
# Django's threaded development server, as before the live stream: every
# request gets its own thread, so parallel tests never queue behind each other.
# It serves the event stream with its WSGI fallback (each stream polls the
# database once a second on its own thread); by default that fallback ends a
# stream after 25 s so it never holds a production worker, which would make the
# browser tests' pages reconnect (and show "Reconnecting…") every 25 s, so
# here a stream lasts as long as a test.
export EVENTS_WSGI_STREAM_SECONDS=3600
# exec: the server is the process Playwright stops at the end of the run.
exec "$python" manage.py runserver "127.0.0.1:$E2E_PORT" --noreload >"$state/server.log" 2>&1
