"""Two app servers under the README's production settings (5 gthread workers
of 8 threads each) and 64 concurrent clients: PostgreSQL never holds more
connections than app servers x workers x DB_POOL_MAX_SIZE, where the 80
threads would otherwise each hold one. docs/BENCHMARKS.md quotes the figure
this prints."""

import threading
import time
import uuid

import pytest

from tests.faults.conftest import build_marketplace
from tests.faults.load import Load
from tests.faults.processes import DATABASE, AppServer, call

SERVERS = 2
WORKERS = 5
THREADS = 8
POOL_MAX = 4
CLIENTS = 64


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
    peak = 0
    sampling = threading.Event()

    def sample():
        nonlocal peak
        with postgres.connect("postgres") as conn:  # not counted: another database
            while not sampling.is_set():
                count = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", [DATABASE]
                ).fetchone()[0]
                peak = max(peak, count)
                time.sleep(0.02)

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

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        actions = [("uncached read", uncached_read), ("my orders", my_orders), ("order", order)]
        with Load(CLIENTS, actions) as load:
            time.sleep(5)
    finally:
        sampling.set()
        sampler.join()

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
