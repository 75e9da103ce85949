"""Per-user throttle of review reports; a real user never reaches its rate
(``review_report`` in ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``).

Its own scope for now: a shared per-user write throttle (common/throttles.py)
is on its way and should replace it."""

from rest_framework.throttling import UserRateThrottle


class ReviewReportThrottle(UserRateThrottle):
    scope = "review_report"
