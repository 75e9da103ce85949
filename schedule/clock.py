"""The schedule's one source of "now".

Every default ``now`` of the schedule (and of the order rules that use it)
comes from here, so tests fix the instant with
``monkeypatch.setattr("schedule.clock.now", lambda: instant)`` instead of
depending on the wall clock or a time-mocking library.
"""

from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()
