"""The lunch rush: `python -m bench.rush`, also the last step of `make bench`.

One stall at noon: RUSH_STUDENTS students (400) each place one order within
RUSH_WINDOW seconds (60; most arrive in its first third), with options, for a
capped pickup slot or as soon as possible, two counted items selling out on
the way, half of them paying online through the dummy provider's signed
webhooks; RUSH_STREAMS event streams (200: the vendor's and students') stay
open, and the vendor's board moves every new order along
(bench/rush_clients.py). Served as in production: gunicorn for the API,
uvicorn for the streams, a task worker for the refunds, on PostgreSQL and
Redis with the bench's settings (bench/environment.py).

Reported: placement p50/p99, outcomes by cause (the refusals the contract
promises, a full slot and a sold-out item, apart from errors), the latency of
``order_placed`` on the vendor's stream, the end state checked
(bench/rush_checks.py) and the CPU and memory the rush cost. The section
"Lunch rush" of RUSH_OUTPUT is replaced; the figures go to RUSH_RESULT (JSON)
and, at the default scale, to RUSH_PREVIOUS for the next run to compare with.
Exits 1 when an end-state check fails.

Knobs: RUSH_STUDENTS, RUSH_STREAMS, RUSH_WINDOW, RUSH_CAP (orders per pickup
slot, default a twelfth of the students), RUSH_DATABASE_URL (dropped and
recreated; default the bench's database name with ``_rush``), RUSH_PORT
(gunicorn, default BENCH_PORT + 10; the stream server uses the next port),
RUSH_MORNING (students who order at another stall before the rush, 80; 0 starts the
rush on cold servers), RUSH_CACHE_PREFIX, RUSH_OUTPUT (default BENCH_OUTPUT), RUSH_RESULT,
RUSH_PREVIOUS; BENCH_WORKERS, BENCH_THREADS and BENCH_REDIS_DB as for the bench.
"""

import asyncio
import json
import os
import random
import secrets
import subprocess
import sys
import time
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit

from bench import environment as bench
from bench.servers import Gunicorn, ServerProcess, Uvicorn

STUDENTS = int(os.environ.get("RUSH_STUDENTS", "400"))
STREAMS = int(os.environ.get("RUSH_STREAMS", "200"))
WINDOW = float(os.environ.get("RUSH_WINDOW", "60"))
CAP = int(os.environ.get("RUSH_CAP", "0")) or max(2, STUDENTS // 12)
MORNING = int(os.environ.get("RUSH_MORNING", str(min(80, STUDENTS))))  # 0: cold servers
MORNING_WINDOW = 5.0
DEFAULT_SCALE = (STUDENTS, STREAMS, WINDOW) == (400, 200, 60)
_bench_db = urlsplit(bench.DATABASE_URL)
DATABASE_URL = os.environ.get(
    "RUSH_DATABASE_URL",
    urlunsplit(_bench_db._replace(path=f"{_bench_db.path.rstrip('/')}_rush")),
)
PORT = int(os.environ.get("RUSH_PORT", str(bench.PORT + 10)))
CACHE_PREFIX = os.environ.get("RUSH_CACHE_PREFIX", "rush")
OUTPUT = bench.BASE_DIR / os.environ.get(
    "RUSH_OUTPUT", os.environ.get("BENCH_OUTPUT", "docs/BENCHMARKS.md")
)
RESULT = bench.BASE_DIR / os.environ.get("RUSH_RESULT", "var/bench/rush.json")
PREVIOUS = bench.BASE_DIR / os.environ.get("RUSH_PREVIOUS", "bench/previous_rush.json")
WORK_DIR = bench.WORK_DIR / f"rush-{PORT}"


class Api(Gunicorn):
    """The bench's gunicorn, warmed with plain requests (no wrk needed)."""

    def start(self) -> None:
        import httpx

        ServerProcess.start(self)
        with httpx.Client(base_url=f"http://127.0.0.1:{self.port}", timeout=30) as client:
            for _ in range(4 * bench.WORKERS):
                client.get("/api/health/")


class TaskWorker(ServerProcess):
    """``manage.py task_worker``: sends the refunds and confirms them (dummy provider)."""

    name = "task worker"

    def command(self) -> list[str]:
        return [sys.executable, "manage.py", "task_worker", "--interval", "0.5"]

    def start(self) -> None:
        with self.log.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603
                self.command(), cwd=bench.BASE_DIR, env=self.env(), stdout=log, stderr=log
            )


def configure(secret: str) -> None:
    bench.configure_environment(DATABASE_URL, CACHE_PREFIX)
    os.environ.update(
        {
            "PAYMENT_PROVIDER": "dummy",
            "PAYMENT_WEBHOOK_SECRET": secret,
            # Notifications queue emails; the worker sends them nowhere.
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        }
    )


def measure(stall, tokens, secret, servers) -> dict:
    """Runs the rush against started servers; returns the raw figures."""
    from bench import rush_checks as checks
    from bench.rush_clients import run_rush

    api, streams, worker = servers
    rush = _crowd(stall, tokens, secret, servers, window=WINDOW)
    pids = {
        "app server (gunicorn)": checks.tree(api.process.pid),
        "stream server (uvicorn)": checks.tree(streams.process.pid),
        "task worker": checks.tree(worker.process.pid),
    }
    rush.memory = lambda: checks.rss_kib(pids["stream server (uvicorn)"])
    pids["PostgreSQL (this database)"] = checks.database_backends()
    cpu_before = {name: checks.cpu_seconds(p) for name, p in pids.items()}
    commits_before = checks.database_commits()
    load_before = os.getloadavg()[0]
    bench.say("Servers up; opening the streams, then the students arrive")
    asyncio.run(run_rush(rush, streams=STREAMS))
    bench.say(f"Students done in {rush.seconds:.0f} s; checking the end state")
    load_after = os.getloadavg()[0]
    pids["PostgreSQL (this database)"] = checks.database_backends()
    cpu = {name: checks.spent(cpu_before[name], checks.cpu_seconds(p)) for name, p in pids.items()}
    commits = checks.database_commits() - commits_before
    pending_refunds = checks.wait_for_refunds()
    end = checks.end_state(rush)
    if pending_refunds:
        end.append(("refunds confirmed", False, f"{pending_refunds} still pending after 60 s"))
    made, seen = checks.student_streams(rush)
    return {
        "rush": rush,
        "cpu": cpu,
        "commits": commits,
        "stream_kib": (rush.memory_kib[1] - rush.memory_kib[0]) / max(1, rush.streams_opened - 1),
        "checks": end,
        "delivery": checks.delivery(rush),
        "student_events": (made, seen),
        "load": (load_before, load_after),
    }


def _crowd(stall, tokens, secret, servers, *, window: float, seed: int = 7):
    from bench.rush_clients import Rush
    from schedule.selectors import campus_today

    api, streams, _worker = servers
    return Rush(
        stall=stall,
        base_url=f"http://127.0.0.1:{api.port}",
        stream_port=streams.port,
        tokens=tokens,
        secret=secret,
        tomorrow=(campus_today() + timedelta(days=1)).isoformat(),
        window=window,
        seed=seed,
    )


def morning(stall, tokens, secret, servers) -> None:
    """The servers at noon have served the campus since the morning: before the
    rush, MORNING students order at another vendor's stall through the same
    paths (slots, options, online payment and its webhook, the board moving
    each order along), so the rush does not measure worker processes loading
    code and opening database connections for the first time. Nothing of the
    morning is counted or checked."""
    from bench.rush_clients import run_rush

    crowd = _crowd(stall, tokens, secret, servers, window=MORNING_WINDOW, seed=8)
    asyncio.run(run_rush(crowd, streams=1, drain_seconds=30))
    bench.say(f"Morning served: {len(crowd.calls)} requests, {len(crowd.placed)} orders")


def main() -> int:
    secret = secrets.token_hex(32)
    configure(secret)
    sys.path.insert(0, str(bench.BASE_DIR))
    WORK_DIR.mkdir(parents=True, exist_ok=True)
    started = time.time()
    bench.recreate_database(DATABASE_URL)
    bench.flush_cache(CACHE_PREFIX)

    import django

    django.setup()
    from django.core.management import call_command

    from bench import rush_report
    from bench.pools import bearer
    from bench.rush_stall import seed_morning_stall, seed_stall

    call_command("migrate", verbosity=0)
    rng = random.Random(2026)  # noqa: S311 - reproducible data, not secrets
    stall = seed_stall(rng, students=STUDENTS, cap=CAP)
    morning_stall = seed_morning_stall(stall, students=MORNING) if MORNING else None
    bench.analyze()
    vendors = [stall.vendor_id] + ([morning_stall.vendor_id] if morning_stall else [])
    headers = bearer([*vendors, *stall.student_ids])
    tokens = {pk: h["Authorization"].split()[1] for pk, h in headers.items()}
    bench.say(f"Lunch rush: {STUDENTS} students, {STREAMS} streams, {WINDOW:.0f} s window")
    servers = (
        Api(PORT, WORK_DIR / "gunicorn.log"),
        Uvicorn(PORT + 1, WORK_DIR / "uvicorn.log", workers=1),
        TaskWorker(0, WORK_DIR / "task-worker.log"),
    )
    try:
        for server in servers:
            server.start()
        if morning_stall:
            morning(morning_stall, tokens, secret, servers)
        raw = measure(stall, tokens, secret, servers)
        raw["morning"] = MORNING
    finally:
        for server in reversed(servers):
            server.close()
    figures = rush_report.figures(raw, students=STUDENTS, streams=STREAMS, window=WINDOW)
    previous = json.loads(PREVIOUS.read_text()) if PREVIOUS.exists() else None
    section = rush_report.section(figures, previous, command=_command())
    print(section, flush=True)
    RESULT.parent.mkdir(parents=True, exist_ok=True)
    RESULT.write_text(json.dumps(figures, indent=1) + "\n")
    text = OUTPUT.read_text() if OUTPUT.exists() else "# Benchmarks\n"
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(rush_report.replace_section(text, section))
    if DEFAULT_SCALE and OUTPUT == bench.BASE_DIR / "docs/BENCHMARKS.md":
        PREVIOUS.write_text(json.dumps(figures, indent=1) + "\n")
    bench.say(f"Wrote the lunch rush to {OUTPUT} ({time.time() - started:.0f} s in all)")
    return 0 if all(held for _, held, _ in raw["checks"]) else 1


def _command() -> str:
    knobs = [
        f"{name}={os.environ[name]}"
        for name in ("RUSH_STUDENTS", "RUSH_STREAMS", "RUSH_WINDOW", "RUSH_CAP")
        if name in os.environ
    ]
    return " ".join([*knobs, "python -m bench.rush"])


if __name__ == "__main__":
    sys.exit(main())
