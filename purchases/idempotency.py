"""One ``Idempotency-Key`` discipline for every purchase (orders, bookings):
the first request's purchase is stored under the key and replayed to retries.

The discipline: the key row is inserted first, in the same transaction as the
purchase, with no savepoint of its own (a savepoint is two more statements on
every purchase), and the ``IntegrityError`` of a taken key is caught outside
that transaction. So

- the unique constraint, not a lookup, decides between racing retries: on
  PostgreSQL a retry's insert waits for the first transaction, then fails
  once it commits, and the retry replays its purchase (check-then-insert
  would create two);
- a refused purchase rolls its key back with it, so the same key works once
  the problem is fixed;
- the key is looked at before anything about the purchase is read, so a
  retry gets what the first request did even if the service closed since.

What a key replays is each domain's business: ``create`` makes the purchase
inside the transaction, ``load`` reads it back by id (None when it is gone).
"""

import hashlib
import json
from collections.abc import Callable
from datetime import timedelta

from django.db import IntegrityError, models, transaction
from django.utils import timezone

from common.exceptions import Conflict, KeyReused
from common.plans import create as insert

from .models import IdempotencyKey

Scope = IdempotencyKey.Scope


class RequestInProgress(Conflict):
    """An Idempotency-Key whose first request has not produced its purchase."""


def request_fingerprint(**fields) -> str:
    """A digest of what a request asks for: canonical JSON (sorted keys, no
    spaces) of ``fields``, hashed. Callers put each field in its canonical
    form first (merged lines, an instant in UTC), so equal requests match."""
    canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def given(**fields) -> dict:
    """``fields`` without those that are None: a field added to a request
    later counts only when sent, so keys stored before it existed still match."""
    return {name: value for name, value in fields.items() if value is not None}


def purchase_once(
    *,
    scope: str,
    customer,
    key: str,
    fingerprint: str,
    create: Callable[[], models.Model],
    load: Callable[[int], models.Model | None],
) -> tuple[models.Model, bool]:
    """``(create(), True)`` for a new key, ``(load(id), False)`` for a retry
    of the same request; the same key with another request is a ``KeyReused``
    (422), one whose first request is unfinished a ``RequestInProgress`` (409).

    A key whose purchase no longer exists is forgotten and the request treated
    as new (as when the purchase's deletion took its key with it)."""
    for _ in range(2):
        try:
            with transaction.atomic():
                row = insert(
                    IdempotencyKey,
                    user=customer,
                    scope=scope,
                    key=key,
                    request_fingerprint=fingerprint,
                )
                purchase = create()
                row.purchase_id = purchase.pk
                row.save(update_fields=["purchase_id"])
            return purchase, True
        except IntegrityError as conflict:
            existing = IdempotencyKey.objects.filter(user=customer, scope=scope, key=key).first()
            if existing is None:  # not the key's constraint
                raise conflict from None
        if existing.request_fingerprint != fingerprint:
            raise KeyReused("This Idempotency-Key was used with a different request.")
        if existing.purchase_id is None:
            break
        purchase = load(existing.purchase_id)
        if purchase is not None:
            return purchase, False
        # Only this stale row: a racing retry may have replaced it already.
        IdempotencyKey.objects.filter(pk=existing.pk, purchase_id=existing.purchase_id).delete()
    raise RequestInProgress(
        "The first request with this Idempotency-Key has not finished; retry shortly."
    )


def idempotency_keys_delete_stale(*, older_than: timedelta) -> int:
    """Forget keys of every scope older than ``older_than``; returns how many."""
    cutoff = timezone.now() - older_than
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=cutoff).delete()
    return deleted
