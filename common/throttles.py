"""Per-user throttles of writes: one mechanism, one class per scope.

Each scope's rate (``"30/min"``) is in ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``,
read from the environment in config/settings/api.py, at levels a real student or
vendor never reaches: they stop scripts, not people. Past the rate the
request is refused with 429 and ``Retry-After`` (DRF's ``Throttled``).

Counting is a fixed window per user and scope, kept in the cache with its
atomic increment, so parallel requests cannot all read the same count and
pass together (DRF's ``SimpleRateThrottle`` reads, appends and writes back a
list: a burst passes whole). The cache is Redis when configured; while Redis
is down ``common.cache.RedisCache`` counts in each process's memory, as the
login throttles do, and Redis takes over again when it returns.

To throttle a view: ``throttle_classes = [OrderCreateThrottle]`` (or any
class below; a new scope is a three-line subclass plus its rate). Only
unsafe methods count, and on a viewset only the actions named in
``actions`` (all of them when it is None), so reads on the same view are
never throttled.
"""

import math
import time

from django.core.cache import cache
from rest_framework.permissions import SAFE_METHODS
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle

DURATIONS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """``"30/min"`` → (30, 60): requests allowed per window of seconds."""
    count, period = rate.split("/")
    return int(count), DURATIONS[period.strip()[0].lower()]


class WriteThrottle(BaseThrottle):
    """``num_requests`` writes per user per window of the scope's rate."""

    scope: str = ""
    actions: frozenset[str] | None = None
    timer = staticmethod(time.time)

    def __init__(self):
        self.wait_seconds = None

    def counts(self, request, view) -> bool:
        if request.method in SAFE_METHODS or not request.user.is_authenticated:
            return False  # anonymous writes are refused by the permissions anyway
        return self.actions is None or getattr(view, "action", None) in self.actions

    def allow_request(self, request, view) -> bool:
        if not self.counts(request, view):
            return True
        rate = api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
        if not rate:
            return True
        limit, duration = parse_rate(rate)
        now = self.timer()
        window = int(now // duration)
        key = f"throttle:{self.scope}:{request.user.pk}:{window}"
        # add() writes only when absent; the key outlives its window by a little.
        cache.add(key, 0, duration + 5)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.set(key, 1, duration + 5)
            count = 1
        if count <= limit:
            return True
        self.wait_seconds = max(1, math.ceil((window + 1) * duration - now))
        return False

    def wait(self):
        return self.wait_seconds


class OrderCreateThrottle(WriteThrottle):
    scope = "orders"
    actions = frozenset({"create"})


class BookingCreateThrottle(WriteThrottle):
    scope = "bookings"
    actions = frozenset({"create"})


class ReviewCreateThrottle(WriteThrottle):
    scope = "reviews"
    actions = frozenset({"create"})


class ReportCreateThrottle(WriteThrottle):
    """For review reports (and any other report a user files)."""

    scope = "reports"


class StreamTicketThrottle(WriteThrottle):
    scope = "stream_tickets"


class ClosureThrottle(WriteThrottle):
    scope = "closures"


class UploadThrottle(WriteThrottle):
    """Writes that carry a file (multipart bodies): each costs a decode and a
    resize, so they are counted apart from the other writes of their view."""

    scope = "uploads"

    def counts(self, request, view) -> bool:
        content_type = request.content_type or ""
        return super().counts(request, view) and content_type.startswith("multipart/")
