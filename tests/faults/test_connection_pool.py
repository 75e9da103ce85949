"""Two app servers under the README's production settings (5 gthread workers
of 8 threads each) and 64 concurrent clients: PostgreSQL never holds more
connections than app servers x workers x DB_POOL_MAX_SIZE, where the 80
threads would otherwise each hold one. docs/BENCHMARKS.md quotes the figure
this prints."""

import signal
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.faults.conftest import build_marketplace
from tests.faults.load import Load
from tests.faults.processes import DATABASE, ROOT, AppServer, call, free_port, wait_for

SERVERS = 2
WORKERS = 5
THREADS = 8
POOL_MAX = 4
CLIENTS = 64


class PeakConnections:
    """Samples how many connections PostgreSQL holds for the app's database
    (only those of ``application_name`` when given)."""

    def __init__(self, postgres, application_name: str | None = None):
        self.postgres = postgres
        self.application_name = application_name
        self.peak = 0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample)

    def _sample(self):
        with self.postgres.connect("postgres") as conn:  # not counted: another database
            while not self._done.is_set():
                query = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                params = [DATABASE]
                if self.application_name:
                    query += " AND application_name = %s"
                    params.append(self.application_name)
                count = conn.execute(query, params).fetchone()[0]
                self.peak = max(self.peak, count)
                time.sleep(0.02)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._done.set()
        self._thread.join()


@pytest.fixture(scope="module")
def apps(base_env, tmp_path_factory):
    logs = tmp_path_factory.mktemp("pool")
    env = {**base_env, "DB_POOL_MAX_SIZE": str(POOL_MAX)}
    servers = [
        AppServer(env, logs / f"gunicorn-{n}.log", workers=WORKERS, threads=THREADS)
        for n in range(SERVERS)
    ]
    try:
        for server in servers:
            server.wait_until_healthy()
        yield servers
    finally:
        for server in servers:
            server.stop()


def test_postgres_holds_at_most_the_pool_sizes_under_64_clients(apps, postgres):
    market = build_marketplace(apps[0], students=4)

    def uncached_read(n):
        app = apps[n % SERVERS]
        return call(app, "GET", f"/api/services/?nocache={n}"), 200

    def my_orders(n):
        app, token = apps[n % SERVERS], market.students[n % len(market.students)][1]
        return call(app, "GET", "/api/orders/", token=token), 200

    def order(n):
        app, token = apps[n % SERVERS], market.students[n % len(market.students)][1]
        body = {
            "service": market.service_id,
            "items": [{"service_item": market.item_id, "quantity": 1}],
        }
        headers = {"Idempotency-Key": uuid.uuid4().hex}
        return call(app, "POST", "/api/orders/", body, token, headers), 201

    actions = [("uncached read", uncached_read), ("my orders", my_orders), ("order", order)]
    with PeakConnections(postgres) as connections, Load(CLIENTS, actions) as load:
        time.sleep(5)
    peak = connections.peak

    bound = SERVERS * WORKERS * POOL_MAX
    answered = [o for o in load.outcomes if o.answer is not None]
    print(
        f"\n{len(load.outcomes)} requests from {CLIENTS} clients on {SERVERS} servers x "
        f"{WORKERS} workers x {THREADS} threads: peak {peak} PostgreSQL connections "
        f"(bound {bound}, threads {SERVERS * WORKERS * THREADS})"
    )
    assert len(answered) == len(load.outcomes)
    assert all(o.answer.status == o.expected for o in answered), [
        o.answer for o in answered if o.answer.status != o.expected
    ][:5]
    assert 0 < peak <= bound


def test_the_development_server_holds_at_most_one_pool(base_env, postgres, tmp_path):
    """``make run`` on PostgreSQL: runserver answers each request on a thread of
    its own, and each thread used to open a connection of its own; with the
    pool, parallel requests share DB_POOL_MAX_SIZE connections, and none is
    left open once they are answered."""
    port = free_port()
    app = f"devserver-{uuid.uuid4().hex[:8]}"
    log = tmp_path / "runserver.log"
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        # libpq names the server's connections, so the count leaves out the
        # module's other app servers, which share the cluster.
        env={**base_env, "DEBUG": "true", "DB_POOL_MAX_SIZE": str(POOL_MAX), "PGAPPNAME": app},
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )
    dev = type("Dev", (), {"base": f"http://127.0.0.1:{port}"})()

    def answers():
        try:
            return call(dev, "GET", "/api/health/").status == 200
        except OSError:
            return False

    def held(conn) -> int:
        query = "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND application_name = %s"
        return conn.execute(query, [DATABASE, app]).fetchone()[0]

    try:
        wait_for(answers, 60, "runserver")
        with PeakConnections(postgres, app) as connections, ThreadPoolExecutor(24) as pool:
            statuses = list(
                pool.map(
                    lambda n: call(dev, "GET", f"/api/services/?nocache={n}").status, range(96)
                )
            )
        with postgres.connect("postgres") as conn:
            after = held(conn)
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    assert statuses == [200] * 96
    assert 0 < connections.peak <= POOL_MAX, log.read_text()[-2000:]
    assert after <= POOL_MAX
