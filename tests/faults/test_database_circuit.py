"""While PostgreSQL is down an app server answers 503 at once (finding 14):
before, every request waited the pool's whole timeout (DB_POOL_TIMEOUT) for
its 503. After the first 503 each process's circuit answers at once, one
probe a second asks the database again, and requests succeed within seconds
of its return."""

import time

import pytest

from tests.faults.processes import AppServer, call, wait_for

POOL_TIMEOUT = 5  # the production default: what every request used to wait
FAST = 1.0  # seconds: what "at once" must beat
RECOVERY = 5  # seconds after the restart


@pytest.fixture(scope="module")
def one_process(base_env, workdir):
    """One gunicorn worker: the circuit is per process, so every request meets the same one."""
    env = {**base_env, "DB_POOL_TIMEOUT": str(POOL_TIMEOUT)}
    server = AppServer(env, workdir / "gunicorn-circuit.log", workers=1, threads=4)
    try:
        server.wait_until_healthy()
        yield server
    finally:
        server.stop()


def timed(server, path):
    started = time.monotonic()
    answer = call(server, "GET", path, timeout=30)
    return answer, time.monotonic() - started


def assert_database_503(answer):
    assert answer.status == 503, answer
    assert answer.is_json, answer
    assert answer.json()["detail"]
    assert int(answer.headers["Retry-After"]) > 0


def test_while_postgres_is_down_503s_come_at_once_and_requests_recover_in_seconds(
    one_process, postgres
):
    assert call(one_process, "GET", "/api/services/?nocache=before").status == 200
    postgres.stop_now()
    try:
        first, _ = timed(one_process, "/api/services/?nocache=first")
        assert_database_503(first)

        # 3 s of requests: past several reopenings of the circuit and their probes.
        durations = []
        deadline = time.monotonic() + 3
        n = 0
        while time.monotonic() < deadline:
            path = "/api/health/" if n % 3 == 0 else f"/api/services/?nocache=down{n}"
            answer, took = timed(one_process, path)
            assert_database_503(answer)
            if path == "/api/health/":
                assert answer.json()["status"] == "unavailable", answer
            assert took < FAST, (path, took)
            durations.append(took)
            n += 1
            time.sleep(0.1)
        assert len(durations) >= 10, durations
    finally:
        postgres.start()
    restarted_at = time.monotonic()

    def serves():
        return call(one_process, "GET", f"/api/services/?nocache={time.monotonic()}").status == 200

    wait_for(serves, RECOVERY, "requests to succeed again after the restart", interval=0.1)
    recovered_in = time.monotonic() - restarted_at
    print(f"\nrecovered {recovered_in:.1f}s after PostgreSQL's restart")
    for n in range(5):
        assert call(one_process, "GET", f"/api/services/?nocache=after{n}").status == 200
