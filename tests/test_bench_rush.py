"""`python -m bench.rush` (the lunch rush of `make bench`) at a tiny scale:
real servers on PostgreSQL, a crowd of twenty students, five streams. Every
end-state check must hold and the report must carry its rows, so a change
that breaks the scenario, its checks or a guarantee they watch fails here
before a full benchmark run."""

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ROOT = Path(settings.BASE_DIR)


def _two_free_ports() -> int:
    """A port whose next port is free too (gunicorn, then uvicorn)."""
    for _ in range(50):
        with socket.socket() as first:
            first.bind(("127.0.0.1", 0))
            port = first.getsockname()[1]
            with socket.socket() as second:
                try:
                    second.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
                return port
    pytest.fail("no two consecutive free ports")


def _rush_database() -> tuple[str, str]:
    """(url, name) of a database of this test's own, beside the test database."""
    db = settings.DATABASES["default"]
    name = re.sub(r"^test_", "", db["NAME"]) + f"_rush_{os.getpid()}"
    auth = quote(db["USER"] or "postgres")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"])
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{auth}@{host}/{name}", f"postgres://{auth}@{host}/postgres"


def test_a_small_lunch_rush_keeps_every_guarantee_and_reports_it(tmp_path):
    url, admin_url = _rush_database()
    own = {"DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
    env = {k: v for k, v in os.environ.items() if k not in own}
    env.update(
        RUSH_STUDENTS="20",
        RUSH_STREAMS="5",
        RUSH_WINDOW="2",
        RUSH_DATABASE_URL=url,
        RUSH_PORT=str(_two_free_ports()),
        RUSH_CACHE_PREFIX=f"rushtest{os.getpid()}",
        RUSH_OUTPUT=str(tmp_path / "BENCHMARKS.md"),
        RUSH_RESULT=str(tmp_path / "rush.json"),
        RUSH_PREVIOUS=str(tmp_path / "previous.json"),
        BENCH_WORKERS="2",
        BENCH_THREADS="4",
    )
    (tmp_path / "BENCHMARKS.md").write_text("# Benchmarks\n\n## Configuration\n\nkept\n")
    try:
        run = subprocess.run(
            [sys.executable, "-m", "bench.rush"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
        )  # fmt: skip
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            name = url.rsplit("/", 1)[1]
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]

    figures = json.loads((tmp_path / "rush.json").read_text())
    checks = {name: (held, evidence) for name, held, evidence in figures["checks"]}
    assert len(checks) == 6
    assert all(held for held, _ in checks.values()), checks
    assert figures["streams"] == {"opened": 5, "failed": 0}
    assert figures["placement"]["placed"] > 0
    errors = {c: n for c, n in figures["outcomes"].items() if c.startswith(("5", "no answer"))}
    assert errors == {}
    delivery = figures["delivery"]
    assert delivery["received"] == delivery["expected"] > 0
    assert figures["requests"]["webhook"]["statuses"].get("200", 0) > 0

    report = (tmp_path / "BENCHMARKS.md").read_text()
    assert "## Configuration\n\nkept" in report  # the rest of the page is left alone
    section = report[report.index("## Lunch rush") :]
    for row in (
        "| placement p50 / p99, every attempt |",
        "| placement p50 / p99, answered 201 |",
        "| `order_placed` on the vendor's stream, p50 / p99 after the request was sent |",
        "| placed |",
        "| stream server memory per open stream",
        *(f"| {name} | yes |" for name in checks),
    ):
        assert row in section, row
