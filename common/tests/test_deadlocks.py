"""A transaction lost to a deadlock is run again; other database errors are not."""

from types import SimpleNamespace

import pytest
from django.db import OperationalError

from common import deadlocks


class FakeCause(Exception):
    def __init__(self, sqlstate):
        super().__init__(sqlstate)
        self.sqlstate = sqlstate


def failing(sqlstate, times):
    calls = []

    @deadlocks.retry_on_deadlock
    def work():
        calls.append(1)
        if len(calls) <= times:
            try:
                raise FakeCause(sqlstate)
            except FakeCause as cause:
                raise OperationalError("boom") from cause
        return "done"

    return work, calls


@pytest.fixture(autouse=True)
def _no_outer_transaction(monkeypatch):
    monkeypatch.setattr(deadlocks, "connection", SimpleNamespace(in_atomic_block=False))
    monkeypatch.setattr(deadlocks.time, "sleep", lambda seconds: None)


def test_a_deadlock_victim_is_run_again():
    work, calls = failing("40P01", times=2)

    assert work() == "done"
    assert len(calls) == 3


def test_it_gives_up_after_the_last_attempt():
    work, calls = failing("40P01", times=deadlocks.ATTEMPTS)

    with pytest.raises(OperationalError):
        work()
    assert len(calls) == deadlocks.ATTEMPTS


def test_other_database_errors_are_not_retried():
    work, calls = failing("08006", times=1)  # connection failure

    with pytest.raises(OperationalError):
        work()
    assert len(calls) == 1
