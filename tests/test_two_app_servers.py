"""Two gunicorn app servers on one PostgreSQL and one Redis behave as one site:
a login throttle, a logout and an idempotency key each hold across both.

This is the production shape (several app processes behind a balancer); a
rule kept in one process's memory would pass every in-process test and fail
here.
"""

import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.db import connection

from catalogue.tests.factories import ServiceItemFactory
from orders.models import Order
from users.tests.factories import PASSWORD, StudentFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

ROOT = Path(settings.BASE_DIR)
# A Redis database of its own, so flushing it disturbs no other test or server.
REDIS_DB = 13
LOGIN_LIMIT = 3


@pytest.fixture(scope="module")
def redis_client():
    """Redis is part of what is proven here: unreachable is a failure, not a skip."""
    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.fail(f"Redis at 127.0.0.1:6379 is unreachable: {exc}")
    yield client
    client.flushdb()
    client.close()


@pytest.fixture(autouse=True)
def _empty_redis(redis_client):
    redis_client.flushdb()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_env(redis_url: str) -> dict[str, str]:
    db = connection.settings_dict
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL"}
    }
    host = db["HOST"] or "127.0.0.1"
    return {
        **env,
        "DATABASE_URL": f"postgres://{db['USER'] or 'postgres'}@{host}:{db['PORT'] or 5432}"
        f"/{db['NAME']}",
        # No pooled connections: the test database is truncated between tests.
        "DB_CONN_MAX_AGE": "0",
        "REDIS_URL": redis_url,
        "DEBUG": "false",
        "SECRET_KEY": "two-app-servers-" + "k" * 60,
        "SECURE_SSL_REDIRECT": "false",
        "LOGIN_ACCOUNT_RATE": f"{LOGIN_LIMIT}/min",
        "FAST_PASSWORD_HASHER": "true",
        "LOG_LEVEL": "WARNING",
    }


class AppServer:
    def __init__(self, env: dict[str, str], log: Path):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        gunicorn = Path(sys.executable).with_name("gunicorn")
        self.process = subprocess.Popen(
            [
                *(str(gunicorn), "config.wsgi:application"),
                *("--bind", f"127.0.0.1:{self.port}", "--workers", "2", "--timeout", "60"),
            ],
            cwd=ROOT,
            env=env,
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
        )

    def wait_until_healthy(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"gunicorn on {self.base} exited:\n{self.log.read_text()[-3000:]}")
            try:
                if call(self, "GET", "/api/health/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        pytest.fail(
            f"gunicorn on {self.base} never became healthy:\n{self.log.read_text()[-3000:]}"
        )

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def servers(django_db_setup, redis_client, tmp_path_factory):
    """Servers A and B on the test database; always terminated, whatever the tests did."""
    env = _server_env(f"redis://127.0.0.1:6379/{REDIS_DB}")
    logs = tmp_path_factory.mktemp("gunicorn")
    started = []
    try:
        for name in ("a", "b"):
            started.append(AppServer(env, logs / f"{name}.log"))
        for server in started:
            server.wait_until_healthy()
        yield started
    finally:
        for server in started:
            server.stop()


def call(server, method, path, body=None, token=None, headers=None):
    """One request; returns (status, decoded JSON or None, headers)."""
    request = urllib.request.Request(
        server.base + path,
        method=method,
        data=None if body is None else json.dumps(body).encode(),
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json",
            **({"Authorization": f"Bearer {token}"} if token else {}),
            **(headers or {}),
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, raw, response_headers = response.status, response.read(), response.headers
    except urllib.error.HTTPError as error:
        status, raw, response_headers = error.code, error.read(), error.headers
    return status, (json.loads(raw) if raw else None), response_headers


def login(server, email, password=PASSWORD):
    return call(server, "POST", "/api/users/login/", {"email": email, "password": password})


def test_failed_logins_are_counted_across_both_servers(servers, redis_client):
    a, b = servers
    student = StudentFactory()

    failures = [login(server, student.email, "wrong")[0] for server in (a, b, a)]
    assert failures == [401] * LOGIN_LIMIT

    for server in (b, a):
        status, _, headers = login(server, student.email, "wrong")
        assert status == 429
        assert int(headers["Retry-After"]) > 0
    # Locked on both, even with the right password.
    assert login(a, student.email)[0] == 429
    assert login(b, student.email)[0] == 429
    # Another account behind the same address is not affected.
    assert login(b, StudentFactory().email)[0] == 200
    assert redis_client.keys("*login_account*"), "the throttle counters are not in Redis"


def test_logout_on_one_server_ends_the_session_on_the_other(servers):
    a, b = servers
    student = StudentFactory()
    status, tokens, _ = login(a, student.email)
    assert status == 200

    status, _, _ = call(
        a, "POST", "/api/users/logout/", {"refresh": tokens["refresh"]}, tokens["access"]
    )
    assert status == 204

    status, body, _ = call(b, "POST", "/api/token/refresh/", {"refresh": tokens["refresh"]})
    assert status == 401, body
    status, body, _ = call(a, "POST", "/api/token/refresh/", {"refresh": tokens["refresh"]})
    assert status == 401, body


def _place_order(server, token, item, key):
    body = {"service": item.service_id, "items": [{"service_item": item.pk, "quantity": 2}]}
    return call(server, "POST", "/api/orders/", body, token, {"Idempotency-Key": key})


def test_an_idempotency_key_replays_the_same_order_on_either_server(servers):
    a, b = servers
    student = StudentFactory()
    item = ServiceItemFactory()
    token = login(a, student.email)[1]["access"]

    first_status, first, _ = _place_order(a, token, item, "retry-1")
    replay_status, replay, _ = _place_order(b, token, item, "retry-1")

    assert first_status == 201, first
    assert replay_status in (200, 201), replay
    assert replay["id"] == first["id"]
    assert list(Order.objects.filter(customer=student).values_list("id", flat=True)) == [
        first["id"]
    ]


def test_an_idempotency_key_sent_to_both_servers_at_once_places_one_order(servers):
    a, b = servers
    student = StudentFactory()
    item = ServiceItemFactory()
    token = login(a, student.email)[1]["access"]
    barrier = threading.Barrier(4, timeout=60)

    def place(server):
        barrier.wait()
        return _place_order(server, token, item, "race-1")

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(place, [a, b, a, b]))

    statuses = sorted(status for status, _, _ in results)
    assert statuses.count(201) == 1, results
    assert set(statuses) <= {200, 201}, results
    assert len({body["id"] for _, body, _ in results}) == 1
    assert Order.objects.filter(customer=student).count() == 1
