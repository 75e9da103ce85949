"""The database, its connection pool, and what a process does when it is gone."""

import dj_database_url

from config.settings.env import VAR_DIR, env_float, env_int, env_str

# SQLite is the embedded default; PostgreSQL (DATABASE_URL=postgres://...) is
# the production database and the one the concurrency guarantees are proven on.
_DATABASE_URL = env_str("DATABASE_URL")
DATABASES = {
    "default": dj_database_url.parse(
        _DATABASE_URL or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if not _DATABASE_URL:
    VAR_DIR.mkdir(exist_ok=True)  # the embedded default's home on a fresh clone
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A busy timeout and IMMEDIATE transactions turn concurrent writers into
    # waits instead of "database is locked" errors; WAL lets readers go on.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DB_POOL_MAX_SIZE = env_int("DB_POOL_MAX_SIZE", 4)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and DB_POOL_MAX_SIZE > 0:
    # One psycopg pool per process: a process never holds more than
    # DB_POOL_MAX_SIZE connections, however many threads it runs (gunicorn's
    # gthread workers, the development server's thread per request), so
    # app servers x workers x DB_POOL_MAX_SIZE is the most PostgreSQL sees.
    # A request that waits DB_POOL_TIMEOUT seconds for a connection, or finds
    # the database down, is a 503 with Retry-After (common/errors.py).
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps connections, not Django
    # Idle connections broken by a database restart are replaced before use,
    # so recovery costs no failed request: by common.postgresql, which asks
    # the database only when the socket says something happened (Django's
    # check, psycopg's check_connection, is a round trip on every request).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": min(env_int("DB_POOL_MIN_SIZE", 1), DB_POOL_MAX_SIZE),
        "max_size": DB_POOL_MAX_SIZE,
        "timeout": env_float("DB_POOL_TIMEOUT", 5),
        "max_idle": 300,
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server let psycopg prepare a statement once it
    # has run DB_PREPARE_THRESHOLD times on a connection, and PostgreSQL then
    # reuses its plan: planning was 1.2 ms of the 1.5 ms a service detail's
    # query spent in the database (docs/ARCHITECTURE.md, "Speed"). 0 turns
    # it off, e.g. behind a pooler that moves transactions between connections.
    DB_PREPARE_THRESHOLD = env_int("DB_PREPARE_THRESHOLD", 5)
    if DB_PREPARE_THRESHOLD > 0:
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=DB_PREPARE_THRESHOLD
        )
# A process that found the database unreachable answers every API request
# with an immediate 503 for DB_CIRCUIT_OPEN_SECONDS, then lets one request
# probe it (common/circuit.py); 0 turns the circuit off.
DB_CIRCUIT_OPEN_SECONDS = env_float("DB_CIRCUIT_OPEN_SECONDS", 1.0)
# manage.py task_worker waits this long after a database error, doubled per
# failed try up to the maximum, then polls again (it never exits for it).
TASK_WORKER_BACKOFF_SECONDS = env_float("TASK_WORKER_BACKOFF_SECONDS", 0.5)
TASK_WORKER_MAX_BACKOFF_SECONDS = env_float("TASK_WORKER_MAX_BACKOFF_SECONDS", 5.0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "common.postgresql"  # Django's, with a cheaper pool check
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
