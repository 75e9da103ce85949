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

cd "$repo"
"$python" manage.py migrate --noinput >"$state/migrate.log"
"$python" manage.py seed_demo >"$state/seed.log"
echo "serve.sh: serving on http://127.0.0.1:$E2E_PORT (log: var/e2e/server.log)"
# uvicorn, as `make run` serves: one ASGI process for the API, the web app and
# the live event stream, whose open streams park on the event loop (runserver's
# WSGI fallback polls the database and ends each stream after 25 s).
# exec: the server is the process Playwright stops at the end of the run.
exec "$repo/.venv/bin/uvicorn" config.asgi:application --host 127.0.0.1 --port "$E2E_PORT" \
  --lifespan off --timeout-graceful-shutdown 3 >"$state/server.log" 2>&1
