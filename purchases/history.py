"""A purchase's history: one event row per change, written in the change's
transaction and then published (``common.domain_events``) to the listeners
that notify and stream it, and what the core announces to payments.

The row goes in with ``common.plans.create``: placing an order writes one,
and docs/BENCHMARKS.md measured the compiled insert on that path.
"""

from dataclasses import dataclass

from common.domain_events import publish
from common.plans import create

from .kinds import PurchaseKind


@dataclass(frozen=True)
class PurchaseCancelled:
    """A purchase paid through ``payment_id`` was cancelled (published under
    its row lock): an unpaid hold ends, a charge is refunded."""

    kind: str
    purchase_id: int
    payment_id: int


@dataclass(frozen=True)
class PurchaseCompleted:
    """A purchase paid through ``payment_id`` was completed: money due at
    pickup is collected."""

    kind: str
    purchase_id: int
    payment_id: int


def record(
    kind: PurchaseKind,
    purchase,
    *,
    event: str,
    actor,
    from_status: str = "",
    to_status: str | None = None,
    reason: str = "",
    data: dict | None = None,
):
    """Store one history event of ``purchase`` and publish it. ``to_status``
    defaults to the purchase's status now. Call inside the transaction that
    made the change, so both commit or roll back together."""
    row = create(
        kind.event_model,
        **{kind.event_subject: purchase},
        kind=event,
        actor=actor,
        from_status=from_status,
        to_status=kind.status_of(purchase) if to_status is None else to_status,
        reason=reason,
        data=data or {},
    )
    publish(row)
    return row


def announce_end(kind: PurchaseKind, purchase) -> None:
    """Tell payments (which subscribes) that a paid-for purchase ended."""
    if purchase.payment_id is None:
        return
    status = kind.status_of(purchase)
    ended = {kind.cancelled: PurchaseCancelled, kind.completed: PurchaseCompleted}.get(status)
    if ended is not None:
        publish(ended(kind=kind.name, purchase_id=purchase.pk, payment_id=purchase.payment_id))
