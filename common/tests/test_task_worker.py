"""``manage.py task_worker`` waits out a database error instead of exiting
(finding 6; the real worker against a stopped PostgreSQL:
tests/faults/test_worker_database_outage.py)."""

import pytest
from django.core.management import call_command
from django.db import InterfaceError, OperationalError
from django_tasks_db.management.commands import db_worker

from common.management.commands import task_worker


@pytest.fixture
def no_sleep(monkeypatch):
    waits = []
    monkeypatch.setattr(task_worker.time, "sleep", waits.append)
    return waits


def test_a_database_error_is_waited_out_with_a_doubling_backoff(monkeypatch, no_sleep, settings):
    settings.TASK_WORKER_BACKOFF_SECONDS = 0.5
    settings.TASK_WORKER_MAX_BACKOFF_SECONDS = 1.5
    failures = [OperationalError("connection refused")] * 3 + [InterfaceError("closed")]
    runs = []

    def run(worker):
        runs.append(worker.startup_delay)
        if failures:
            raise failures.pop(0)

    monkeypatch.setattr(db_worker.Worker, "run", run)
    call_command("task_worker", "--batch", verbosity=0)

    assert len(runs) == 5  # four failures, then the run that finished
    assert no_sleep == [0.5, 1.0, 1.5, 1.5]
    assert runs[1:] == [False] * 4  # the random start delay only once


def test_an_error_that_is_not_the_database_s_still_stops_the_worker(monkeypatch, no_sleep):
    def run(worker):
        raise RuntimeError("a bug")

    monkeypatch.setattr(db_worker.Worker, "run", run)
    with pytest.raises(RuntimeError):
        call_command("task_worker", "--batch", verbosity=0)
    assert no_sleep == []


@pytest.mark.django_db(transaction=True)
def test_the_worker_runs_the_queued_tasks(no_sleep):
    call_command("task_worker", "--batch", "--no-startup-delay", verbosity=0)
