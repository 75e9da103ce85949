"""The pool hands out no connection the database has ended, and asks the
database nothing about a healthy one (common.postgresql)."""

import os
import resource
import select
import time

import psycopg
import pytest
from django.db import connection

from common.postgresql.base import looks_usable

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

HIGH_FD = 1100  # select() watches sockets numbered below 1024 only


def _end_session(pid: int) -> None:
    """What a database restart does to an idle pooled connection."""
    with psycopg.connect(**_admin_params(), autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])


def _admin_params() -> dict:
    params = connection.get_connection_params()
    return {k: v for k, v in params.items() if k in {"dbname", "user", "host", "port", "password"}}


def _wait_readable(conn) -> None:
    poller = select.poll()
    poller.register(conn.fileno(), select.POLLIN)
    assert poller.poll(5000), "the ended session never became readable"


def test_a_healthy_connection_is_used_without_a_round_trip():
    pool = connection.pool
    conn = pool.getconn()
    try:
        sent = []
        original = conn.execute

        def counting(*args, **kwargs):
            sent.append(args)
            return original(*args, **kwargs)

        conn.execute = counting
        assert looks_usable(conn)
        assert sent == []
    finally:
        del conn.execute
        pool.putconn(conn)


def test_a_connection_the_database_ended_is_refused_and_replaced():
    pool = connection.pool
    conn = pool.getconn()
    pid = conn.info.backend_pid
    _end_session(pid)
    _wait_readable(conn)

    assert not looks_usable(conn)
    pool.putconn(conn)  # the pool discards it

    # Django's next connection is a working one, not the ended session.
    connection.close()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        assert cursor.fetchone()[0] != pid


def test_a_connection_numbered_past_what_select_can_watch_is_checked(monkeypatch):
    """An ASGI server with hundreds of open event streams gives a new
    database connection a socket number above 1023."""
    assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] > HIGH_FD
    pool = connection.pool
    conn = pool.getconn()
    high = os.dup2(conn.fileno(), HIGH_FD)
    try:
        monkeypatch.setattr(conn, "fileno", lambda: high)
        assert looks_usable(conn)
        _end_session(conn.info.backend_pid)
        _wait_readable(conn)
        assert not looks_usable(conn)
    finally:
        os.close(high)
        pool.putconn(conn)


def test_every_idle_connection_ended_at_once_costs_no_failed_query():
    pool = connection.pool
    connection.close()
    held = [pool.getconn() for _ in range(3)]
    pids = [conn.info.backend_pid for conn in held]
    for conn in held:
        pool.putconn(conn)
    for pid in pids:
        _end_session(pid)
    time.sleep(0.2)

    for _ in range(len(pids) + 1):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            assert cursor.fetchone()[0] not in pids
        connection.close()
