"""Retrying a transaction that PostgreSQL chose as a deadlock victim.

Every path takes its row locks in one order (``catalogue.locks``), so a
deadlock should not happen; one that still does (a lock taken implicitly by
a foreign key, a path added later) rolls back one transaction whole, and
running it again is safe. It is retried here, a few times, instead of
reaching the client as "database unavailable".
"""

import functools
import time

from django.db import OperationalError, connection

# PostgreSQL's deadlock_detected and serialization_failure.
RETRIED_CODES = {"40P01", "40001"}
ATTEMPTS = 5


def is_deadlock(error: OperationalError) -> bool:
    return (
        getattr(error.__cause__, "sqlstate", None) in RETRIED_CODES
        or getattr(error.__cause__, "pgcode", None) in RETRIED_CODES
    )


def retry_on_deadlock(func):
    """Run ``func`` (which opens its own transaction) again when it lost a
    deadlock. Inside an outer transaction nothing is retried: the outer one
    is already rolled back, and its owner decides."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        for attempt in range(1, ATTEMPTS + 1):
            try:
                return func(*args, **kwargs)
            except OperationalError as error:
                if attempt == ATTEMPTS or connection.in_atomic_block or not is_deadlock(error):
                    raise
                time.sleep(0.01 * attempt)
        raise AssertionError("unreachable")

    return wrapper
