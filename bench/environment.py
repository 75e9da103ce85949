"""The knobs of a bench run (documented in bench/run.py) and the environment it sets
up: the production settings, a fresh database, this run's cache keys, wrk."""

import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

# The per-user write throttles (config/settings/api.py), lifted for the load.
WRITE_RATE_VARIABLES = (
    "ORDER_RATE",
    "BOOKING_RATE",
    "REVIEW_RATE",
    "REPORT_RATE",
    "STREAM_TICKET_RATE",
    "CLOSURE_RATE",
    "UPLOAD_RATE",
)

BASE_DIR = Path(__file__).resolve().parent.parent
WORK_DIR = BASE_DIR / "var" / "bench"
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/campus_bench"
)
REDIS_DB = int(os.environ.get("BENCH_REDIS_DB", "14"))
REDIS_URL = f"redis://127.0.0.1:6379/{REDIS_DB}"
PORT = int(os.environ.get("BENCH_PORT", "18765"))
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
DURATION = int(os.environ.get("BENCH_DURATION", "15"))
SCALING_DURATION = int(os.environ.get("BENCH_SCALING_DURATION", "8"))
LIVE_DURATION = int(os.environ.get("BENCH_LIVE_DURATION", "10"))
STREAMS = int(os.environ.get("BENCH_STREAMS", "500"))
EVENTS = int(os.environ.get("BENCH_EVENTS", "200"))
# The delivery measurement stops sending after this many seconds (a loaded machine).
DELIVERY_SECONDS = float(os.environ.get("BENCH_DELIVERY_SECONDS", "120"))
CACHE_PREFIX = os.environ.get("BENCH_CACHE_PREFIX", "bench")
WARMUP = int(os.environ.get("BENCH_WARMUP", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WRK_THREADS = 2
# Requests a second each pool of unique requests (writes, cache misses) is sized for.
UNIQUE_PER_SECOND = int(os.environ.get("BENCH_UNIQUE_PER_SECOND", "4000"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1) + 1)))
# gthread, not sync: the sync worker answers "Connection: close" to every
# request and wrk stalls on those reconnects (timeouts, a few requests/s);
# gthread keeps connections alive as a client behind a proxy would. 8 threads,
# as the README's production command; 4 once stalled whole runs, but that was
# replay.lua's silent connections holding a worker's threads (fixed since,
# docs/ARCHITECTURE.md, fifth pass): now 2, 4 and 8 serve an uncached list
# equally fast. PostgreSQL connections stay well under max_connections.
WORKER_CLASS = os.environ.get("BENCH_WORKER_CLASS", "gthread")
THREADS = int(os.environ.get("BENCH_THREADS", "8"))
# gthread drops a kept-alive connection it has not read from within this many
# seconds; at gunicorn's default of 2 a busy worker closes connections that
# already hold a request (wrk read errors, 4 s tails).
KEEP_ALIVE = int(os.environ.get("BENCH_KEEP_ALIVE", "75"))
OUTPUT = BASE_DIR / os.environ.get("BENCH_OUTPUT", "docs/BENCHMARKS.md")
PREVIOUS = BASE_DIR / os.environ.get("BENCH_PREVIOUS", "bench/previous.json")


STARTED = time.monotonic()


def say(message: str) -> None:
    """A progress line with the seconds since the run began."""
    print(f"[{time.monotonic() - STARTED:5.0f} s] {message}", flush=True)


def scaled(n: int, minimum: int = 1) -> int:
    return max(minimum, int(n * SCALE))


def configure_environment(
    database_url: str = DATABASE_URL, cache_prefix: str = CACHE_PREFIX
) -> None:
    """The production configuration, shared by this process and gunicorn."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "bench.settings",
            "DATABASE_URL": database_url,
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": "127.0.0.1",
            "REDIS_URL": REDIS_URL,
            "CACHE_KEY_PREFIX": cache_prefix,
            # Redis pub/sub is not per database: the run's own channel.
            "EVENTS_CHANNEL": f"{cache_prefix}:notifications",
            "MEDIA_ROOT": str(WORK_DIR / "media"),
            # One client address sends every login; the per-account limit stays.
            "LOGIN_CLIENT_RATE": "1000000/min",
            "LOGIN_ACCOUNT_RATE": "1000000/min",
            # The load writes far faster per student than a person: write throttles off.
            **dict.fromkeys(WRITE_RATE_VARIABLES, "1000000/min"),
            # Tokens are minted before the run and must outlive it.
            "JWT_ACCESS_MINUTES": "240",
            "LOG_LEVEL": "WARNING",
        }
    )
    # Login is measured with the real password hasher.
    os.environ.pop("FAST_PASSWORD_HASHER", None)


def recreate_database(url: str = DATABASE_URL) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def flush_cache(prefix: str = CACHE_PREFIX) -> None:
    """Seeding bypasses the services that invalidate the catalogue cache.

    Deletes this run's keys only (its prefix): the Redis server is shared."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start : start + 1000])


def analyze() -> None:
    """VACUUM as well as ANALYZE the seeded tables: after bulk inserts
    PostgreSQL's autovacuum would otherwise vacuum the largest tables in the
    middle of the measurements, taking CPU from whichever row was running (a
    production database has long caught up)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")


def ensure_wrk() -> str:
    path = shutil.which("wrk")
    if path:
        return path
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk (Debian package)...", flush=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True)  # noqa: S607
        path = shutil.which("wrk")
    if not path:
        sys.exit("bench needs wrk: apt-get install wrk")
    return path
