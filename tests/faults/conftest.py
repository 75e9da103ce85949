"""The fault suite: real app servers (gunicorn, DEBUG=false) on a throwaway
PostgreSQL cluster and Redis, which the tests stop by pid mid-request.

Marked ``postgres`` so it runs in CI's PostgreSQL step (it needs the server
binaries, not DATABASE_URL's database); skipped where the binaries are missing.
"""

import shutil
import uuid
from dataclasses import dataclass, field

import pytest

from tests.faults.processes import (
    AppServer,
    PostgresCluster,
    RedisServer,
    call,
    make_workdir,
    migrate,
    missing_binaries,
    server_env,
)

PASSWORD = "fault-suite-pass-123"
LOGIN_LIMIT = 3


@pytest.hookimpl(tryfirst=True)  # before the root conftest skips "postgres" on SQLite
def pytest_collection_modifyitems(config, items):
    missing = missing_binaries()
    for item in items:
        if "tests/faults/" not in str(item.path).replace("\\", "/"):
            continue
        item.add_marker(pytest.mark.postgres)
        item.add_marker(pytest.mark.slow)
        item.add_marker(pytest.mark.faults)
        if missing:
            item.add_marker(pytest.mark.skip(reason=f"missing binaries: {', '.join(missing)}"))


@pytest.fixture(scope="package")
def workdir():
    path = make_workdir()
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="package")
def postgres(workdir):
    cluster = PostgresCluster(workdir)
    cluster.init()
    cluster.start()
    try:
        with cluster.connect("postgres") as conn:
            conn.execute("CREATE DATABASE campus")
        yield cluster
    finally:
        cluster.shutdown()


@pytest.fixture(scope="package")
def redis_server(workdir):
    server = RedisServer(workdir)
    server.start()
    yield server
    server.kill()


@pytest.fixture(scope="package")
def base_env(postgres, redis_server):
    env = server_env(database_url=postgres.url, redis_url=redis_server.url)
    migrate(env)
    return env


@pytest.fixture(scope="package")
def app(base_env, workdir):
    """One app server (2 gthread workers) shared by the Redis and PostgreSQL faults."""
    env = {**base_env, "LOGIN_ACCOUNT_RATE": f"{LOGIN_LIMIT}/min", "DB_POOL_TIMEOUT": "2"}
    server = AppServer(env, workdir / "gunicorn-faults.log")
    try:
        server.wait_until_healthy()
        yield server
    finally:
        server.stop()


@dataclass
class Marketplace:
    """What the load needs, created through the API like a user would."""

    vendor_token: str
    service_id: int
    item_id: int
    students: list[tuple[str, str]] = field(default_factory=list)  # (email, access token)


def register_and_login(server, user_type: str) -> tuple[str, str]:
    email = f"{user_type}-{uuid.uuid4().hex[:12]}@faults.test"
    answer = call(
        server,
        "POST",
        "/api/users/register/",
        {"email": email, "password": PASSWORD, "user_type": user_type},
    )
    assert answer.status == 201, answer
    answer = call(server, "POST", "/api/users/login/", {"email": email, "password": PASSWORD})
    assert answer.status == 200, answer
    return email, answer.json()["access"]


def build_marketplace(server, students: int = 4) -> Marketplace:
    _, vendor = register_and_login(server, "vendor")
    answer = call(
        server,
        "POST",
        "/api/vendor-profiles/",
        {"business_name": f"Fault Noodles {uuid.uuid4().hex[:6]}", "description": "Soup."},
        vendor,
    )
    assert answer.status == 201, answer
    answer = call(
        server,
        "POST",
        "/api/services/",
        {
            "service_name": "Noodle bar",
            "description": "Hot noodles",
            "category": "food",
            "service_type": "ordering",
            "base_price": "4.00",
            "location": "Union",
        },
        vendor,
    )
    assert answer.status == 201, answer
    service_id = answer.json()["id"]
    answer = call(
        server,
        "POST",
        f"/api/services/{service_id}/items/",
        {"name": "Ramen", "price": "6.50"},
        vendor,
    )
    assert answer.status == 201, answer
    market = Marketplace(vendor, service_id, answer.json()["id"])
    market.students = [register_and_login(server, "student") for _ in range(students)]
    return market


def order_made_ready(server, market: Marketplace, token: str) -> None:
    """An order taken to ``ready``: its student is emailed (through the task queue)."""
    body = {
        "service": market.service_id,
        "items": [{"service_item": market.item_id, "quantity": 1}],
    }
    answer = call(server, "POST", "/api/orders/", body, token)
    assert answer.status == 201, answer
    order_id = answer.json()["id"]
    for status in ("confirmed", "preparing", "ready"):
        answer = call(
            server,
            "POST",
            f"/api/orders/{order_id}/update_status/",
            {"order_status": status},
            market.vendor_token,
        )
        assert answer.status == 200, answer
