"""Once a request found the database unreachable, the process answers 503 at
once for DB_CIRCUIT_OPEN_SECONDS, then one request probes and its success
closes the circuit (the real outage, timed: tests/faults/test_database_circuit.py)."""

import pytest
from django.db import OperationalError, connection
from rest_framework.test import APIClient

from catalogue import selectors
from common import errors
from common.circuit import CLOSED, PROBE, REJECT, DatabaseCircuit, database_circuit

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.fixture
def api():
    # Uncaught exceptions are answered, not re-raised into the test.
    return APIClient(raise_request_exception=False)


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_the_circuit_rejects_for_its_period_then_lets_one_probe_through():
    clock = Clock()
    circuit = DatabaseCircuit(1.0, clock)
    assert circuit.admit() == CLOSED

    circuit.failed()
    clock.now += 0.9
    assert circuit.admit() == REJECT
    clock.now += 0.2
    assert circuit.admit() == PROBE
    assert circuit.admit() == REJECT  # the others keep failing fast while it probes

    circuit.failed()  # the probe failed: another period
    clock.now += 0.5
    assert circuit.admit() == REJECT
    clock.now += 0.6
    assert circuit.admit() == PROBE
    circuit.succeeded()
    assert circuit.admit() == CLOSED


def test_a_zero_period_turns_the_circuit_off():
    circuit = DatabaseCircuit(0, Clock())
    circuit.failed()
    assert circuit.admit() == CLOSED


def _assert_database_503(response):
    assert response.status_code == 503
    assert response.json()["detail"] == errors.DATABASE_UNAVAILABLE
    assert int(response["Retry-After"]) > 0


def test_after_an_unreachable_database_requests_are_503_without_reaching_a_view(api, monkeypatch):
    calls = []

    def unreachable(*args, **kwargs):
        calls.append(1)
        raise OperationalError("connection refused")

    monkeypatch.setattr(selectors, "service_list_for", unreachable)
    _assert_database_503(api.get("/api/services/", **BROWSER))
    assert database_circuit().is_open

    _assert_database_503(api.get("/api/services/", **BROWSER))
    _assert_database_503(api.get("/api/config/"))  # every API request, not only that view
    assert len(calls) == 1
    health = api.get("/api/health/")
    assert health.status_code == 503
    assert health.json()["status"] == "unavailable"
    assert health.json()["database"] == "unavailable"


def test_the_probe_closes_the_circuit_when_the_database_answers(api, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(database_circuit(), "clock", clock)
    database_circuit().failed()
    assert api.get("/api/health/").status_code == 503

    clock.now += 1.5
    assert api.get("/api/health/").status_code == 200
    assert not database_circuit().is_open
    assert api.get("/api/health/").status_code == 200


def test_a_failed_probe_opens_the_circuit_again(api, monkeypatch):
    clock = Clock()
    monkeypatch.setattr(database_circuit(), "clock", clock)
    database_circuit().failed()
    clock.now += 1.5

    def refused():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "ensure_connection", refused)
    _assert_database_503(api.get("/api/services/", **BROWSER))
    assert database_circuit().admit() == REJECT
