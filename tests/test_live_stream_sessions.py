"""Streams end with their session on real servers: a password change made
through gunicorn (server A) ends the user's stream on uvicorn (server B)
within 5 seconds, and a ticket minted before it opens nothing; and the cap
on streams per user (EVENTS_MAX_STREAMS) holds across two stream servers."""

import os
import queue
import time

import pytest

from tests.live_servers import AppServer, AsgiServer, Stream, token
from tests.test_two_app_servers import _server_env, call
from users.tests.factories import PASSWORD, StudentFactory

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True),
]

ENDS_WITHIN = 5.0
CAP = 2


@pytest.fixture(scope="module")
def servers(django_db_setup, tmp_path_factory):
    """A (gunicorn) and two stream servers B and C (uvicorn), PostgreSQL only."""
    env = _server_env("")
    env.pop("REDIS_URL")
    env["LOGIN_ACCOUNT_RATE"] = "1000/min"
    env["EVENTS_MAX_STREAMS"] = str(CAP)
    env["EVENTS_CHANNEL"] = f"test-sessions-{os.getpid()}"
    logs = tmp_path_factory.mktemp("sessions")
    started = []
    try:
        for server in (
            AppServer(env, logs / "a.log"),
            AsgiServer(env, logs / "b.log"),
            AsgiServer(env, logs / "c.log"),
        ):
            started.append(server)
            server.wait_until_healthy()
        yield started
    finally:
        for server in started:
            server.stop()


def seconds_until_closed(stream: Stream, timeout: float = ENDS_WITHIN + 3) -> float:
    start = time.monotonic()
    while (remaining := timeout - (time.monotonic() - start)) > 0:
        try:
            line = stream.lines.get(timeout=remaining)
        except queue.Empty:
            break
        if line is None:
            return time.monotonic() - start
    pytest.fail(f"the stream stayed open for {timeout}s: {stream.text!r}")


def still_open(stream: Stream, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while (remaining := deadline - time.monotonic()) > 0:
        try:
            if stream.lines.get(timeout=remaining) is None:
                return False
        except queue.Empty:
            break
    return True


def test_a_password_change_on_a_ends_the_stream_on_b_and_voids_older_tickets(servers):
    a, b, _ = servers
    student = StudentFactory()
    access = token(a, student.email, PASSWORD)
    stream = Stream(b, headers={"Authorization": f"Bearer {access}"})
    stream.wait_for(": connected", timeout=5)
    ticket = call(a, "POST", "/api/events/ticket/", None, access)[1]["ticket"]

    body = {"old_password": PASSWORD, "new_password": "a-Brand-new-passphrase-7"}
    status, _, _ = call(a, "POST", "/api/users/me/password/", body, access)
    assert status == 200

    assert seconds_until_closed(stream) < ENDS_WITHIN
    assert Stream(b, f"/api/events/?ticket={ticket}").status == 401


def test_the_cap_on_streams_holds_across_stream_servers(servers):
    a, b, c = servers
    student = StudentFactory()
    access = token(a, student.email, PASSWORD)
    headers = {"Authorization": f"Bearer {access}"}
    oldest = Stream(b, headers=headers)
    oldest.wait_for(": connected", timeout=5)
    newer = []
    for _ in range(CAP):
        stream = Stream(c, headers=headers)
        stream.wait_for(": connected", timeout=5)
        newer.append(stream)

    assert seconds_until_closed(oldest) < ENDS_WITHIN
    assert all(still_open(stream, 1.5) for stream in newer)
    for stream in newer:
        stream.close()
