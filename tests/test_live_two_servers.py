"""Live events across app servers: a change made through gunicorn (server A)
reaches a stream served by uvicorn (server B) within 2 seconds, through Redis
pub/sub and, without Redis, through PostgreSQL LISTEN/NOTIFY; a stream shows
its own user's notifications only; tickets are single use on any server; and
losing Redis costs speed, not delivery.
"""

import json
import os
import re
import signal
import socket
import subprocess
import time

import pytest

from catalogue.tests.factories import ServiceItemFactory, VendorProfileFactory
from notifications.models import Notification
from tests.live_servers import AppServer, AsgiServer, Stream, token
from tests.test_two_app_servers import _free_port, _server_env, call
from users.tests.factories import PASSWORD, StudentFactory, VendorFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

REDIS_DB = 12
DELIVERY_SECONDS = 2.0


def _env(redis_url: str | None) -> dict[str, str]:
    env = _server_env(redis_url or "")
    if redis_url is None:
        env.pop("REDIS_URL")
    # A channel of this run's own: other test runs may share the Redis server.
    env["EVENTS_CHANNEL"] = f"test-live-{os.getpid()}"
    env["LOGIN_ACCOUNT_RATE"] = "1000/min"
    return env


def _start(env, logs, prefix):
    servers = [AppServer(env, logs / f"{prefix}-a.log"), AsgiServer(env, logs / f"{prefix}-b.log")]
    for server in servers:
        server.wait_until_healthy()
    return servers


@pytest.fixture(scope="module", params=["redis", "postgres"])
def servers(request, django_db_setup, tmp_path_factory):
    """Server A (gunicorn) and server B (uvicorn) on the test database, with
    Redis (its own database number) or without it."""
    redis_url = f"redis://127.0.0.1:6379/{REDIS_DB}" if request.param == "redis" else None
    logs = tmp_path_factory.mktemp("live")
    started = []
    try:
        started = _start(_env(redis_url), logs, request.param)
        yield started
    finally:
        for server in started:
            server.stop()


@pytest.fixture
def shop():
    vendor = VendorFactory()
    VendorProfileFactory(user=vendor, business_name="Night Owl Noodles")
    item = ServiceItemFactory(service__vendor=vendor)
    return vendor, item


def _place(server, access, item):
    body = {"service": item.service_id, "items": [{"service_item": item.pk, "quantity": 1}]}
    status, order, _ = call(server, "POST", "/api/orders/", body, access)
    assert status == 201, order
    return order


def _events(text: str) -> list[dict]:
    return [json.loads(data) for data in re.findall(r"^data: (.*)$", text, flags=re.M)]


def test_an_order_placed_on_a_reaches_the_vendors_and_students_streams_on_b(servers, shop):
    a, b = servers
    vendor, item = shop
    student, bystander = StudentFactory(), StudentFactory()
    student_access = token(a, student.email, PASSWORD)
    vendor_access = token(a, vendor.email, PASSWORD)

    vendor_stream = Stream(b, headers={"Authorization": f"Bearer {vendor_access}"})
    status, ticket, _ = call(a, "POST", "/api/events/ticket/", None, student_access)
    assert status == 200, ticket
    student_stream = Stream(b, f"/api/events/?ticket={ticket['ticket']}")
    bystander_stream = Stream(
        b, headers={"Authorization": f"Bearer {token(a, bystander.email, PASSWORD)}"}
    )
    try:
        for stream in (vendor_stream, student_stream, bystander_stream):
            assert stream.status == 200
            stream.wait_for(": connected", 5)

        order = _place(a, student_access, item)
        placed = Notification.objects.get(recipient=vendor)
        assert vendor_stream.wait_for(f"id: {placed.pk}\n", DELIVERY_SECONDS) <= DELIVERY_SECONDS

        status, _, _ = call(
            a,
            "POST",
            f"/api/orders/{order['id']}/update_status/",
            {"order_status": "confirmed"},
            vendor_access,
        )
        assert status == 200
        confirmed = Notification.objects.get(recipient=student)
        assert (
            student_stream.wait_for(f"id: {confirmed.pk}\n", DELIVERY_SECONDS) <= DELIVERY_SECONDS
        )

        # Each stream carried its own user's notification and nothing else.
        vendor_stream.drain(0.5)
        student_stream.drain(0.5)
        assert [(e["id"], e["kind"], e["order"]) for e in _events(vendor_stream.text)] == [
            (placed.pk, "order_placed", order["id"])
        ]
        assert [(e["id"], e["kind"]) for e in _events(student_stream.text)] == [
            (confirmed.pk, "order_status")
        ]
        assert "Night Owl Noodles" in _events(student_stream.text)[0]["body"]
        assert _events(bystander_stream.drain(0.5)) == []
    finally:
        for stream in (vendor_stream, student_stream, bystander_stream):
            stream.close()


def test_last_event_id_replays_on_the_other_server(servers, shop):
    a, b = servers
    vendor, item = shop
    student = StudentFactory()
    access = token(a, student.email, PASSWORD)
    for _ in range(3):
        _place(a, access, item)
    first, second, third = Notification.objects.filter(recipient=vendor).order_by("id")

    stream = Stream(
        b,
        headers={
            "Authorization": f"Bearer {token(a, vendor.email, PASSWORD)}",
            "Last-Event-ID": str(first.pk),
        },
    )
    try:
        stream.wait_for(f"id: {third.pk}\n", 5)
        assert [e["id"] for e in _events(stream.drain(0.3))] == [second.pk, third.pk]
    finally:
        stream.close()


def test_a_ticket_works_once_whichever_server_issued_it(servers):
    a, b = servers
    student = StudentFactory()
    access = token(a, student.email, PASSWORD)
    ticket = call(a, "POST", "/api/events/ticket/", None, access)[1]["ticket"]

    first = Stream(b, f"/api/events/?ticket={ticket}")
    first.close()
    again = Stream(b, f"/api/events/?ticket={ticket}")
    unknown = Stream(b, "/api/events/?ticket=made-up")

    assert (first.status, again.status, unknown.status) == (200, 401, 401)


# --- losing Redis ----------------------------------------------------------------------


def _wait_for_port(port: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"redis-server on {port} never listened")


@pytest.fixture(scope="module")
def throwaway_redis(tmp_path_factory):
    port = _free_port()
    process = subprocess.Popen(
        [
            *("redis-server", "--port", str(port), "--bind", "127.0.0.1"),
            *("--save", "", "--appendonly", "no"),
            *("--dir", str(tmp_path_factory.mktemp("redis"))),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port)
        yield port, process
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=10)


def test_with_redis_gone_events_still_arrive_by_the_fallback_poll(
    django_db_setup, throwaway_redis, tmp_path_factory, shop
):
    port, redis_process = throwaway_redis
    a, b = _start(_env(f"redis://127.0.0.1:{port}/0"), tmp_path_factory.mktemp("nor"), "noredis")
    vendor, item = shop
    student = StudentFactory()
    stream = None
    try:
        student_access = token(a, student.email, PASSWORD)
        stream = Stream(b, headers={"Authorization": f"Bearer {token(a, vendor.email, PASSWORD)}"})
        stream.wait_for(": connected", 5)

        redis_process.send_signal(signal.SIGTERM)
        redis_process.wait(timeout=10)

        _place(a, student_access, item)  # a committed write still answers 201
        placed = Notification.objects.get(recipient=vendor)
        # The poll runs every second while the broker is down.
        assert stream.wait_for(f"id: {placed.pk}\n", 3.5) <= 3.5
    finally:
        if stream is not None:
            stream.close()
        for server in (a, b):
            server.stop()
