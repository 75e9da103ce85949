"""Replaying an order for a reused ``Idempotency-Key``, and forgetting old keys."""

from datetime import timedelta

from django.utils import timezone

from common.exceptions import Conflict, KeyReused

from .models import IdempotencyKey, Order


class RequestInProgress(Conflict):
    """An Idempotency-Key whose first request has not produced an order."""


def replay(*, customer, key: str, fingerprint: str) -> Order:
    existing = IdempotencyKey.objects.select_related("order").get(user=customer, key=key)
    if existing.request_fingerprint != fingerprint:
        raise KeyReused("This Idempotency-Key was used with a different request.")
    if existing.order is None:
        raise RequestInProgress(
            "The first request with this Idempotency-Key has not finished; retry shortly."
        )
    return existing.order


def idempotency_keys_delete_stale(*, older_than: timedelta) -> int:
    """Forget keys older than ``older_than``; returns how many were deleted."""
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=timezone.now() - older_than).delete()
    return deleted
