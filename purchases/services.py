"""The purchase writes every kind shares: storing an allowed status change
with its history, and the operator's cancel (the Django admin, the admins'
API action, and the system when an online payment lapses)."""

from django.db import transaction

from common.deadlocks import retry_on_deadlock
from common.exceptions import DomainError

from . import history
from .kinds import PurchaseKind
from .locks import lock_purchase

OPERATOR = "operator"


def change_status(
    kind: PurchaseKind,
    purchase,
    *,
    actor,
    to_status: str,
    reason: str = "",
    role: str = "",
    also_saved: tuple[str, ...] = (),
):
    """Store an allowed change of ``purchase`` (locked by the caller, the
    service first when cancelling) and its history event, which notifies.
    A cancel gives back what the purchase held; a paid-for purchase that
    ends is announced to payments. ``also_saved``: fields the caller set."""
    current = kind.status_of(purchase)
    if to_status == kind.cancelled:
        kind.release(purchase)
    setattr(purchase, kind.status_field, to_status)
    purchase.save(update_fields=[kind.status_field, "updated_at", *also_saved])
    history.announce_end(kind, purchase)
    history.record(
        kind,
        purchase,
        event=kind.status_changed_event,
        actor=actor,
        from_status=current,
        to_status=to_status,
        reason=reason,
        data={"by": role} if kind.records_role else None,
    )
    return purchase


@retry_on_deadlock
@transaction.atomic
def operator_cancel(kind: PurchaseKind, purchase_id: int, *, actor, reason: str):
    """Cancel any purchase still under way, always with a reason, recorded in
    its history with ``actor`` (None: the system) and told to the customer."""
    purchase = lock_purchase(kind, purchase_id, cancelling=True)
    reason = reason.strip()
    if not reason:
        raise DomainError("A reason is required.", field="reason")
    status = kind.status_of(purchase)
    if status not in kind.operator_cancellable:
        raise DomainError(
            kind.not_cancellable.format(status=status, noun=kind.name), field=kind.status_field
        )
    return change_status(
        kind, purchase, actor=actor, to_status=kind.cancelled, reason=reason, role=OPERATOR
    )


def mark_paid(kind: PurchaseKind, purchase_id: int):
    """Its online payment was accepted: the ``paid`` history event, which
    tells the vendor of the purchase now that they can see it."""
    rows = kind.model.objects.select_related("service", "customer", "payment")
    purchase = rows.get(pk=purchase_id)
    status = kind.status_of(purchase)
    history.record(
        kind,
        purchase,
        event=kind.paid_event,
        actor=purchase.customer,
        from_status=status,
        to_status=status,
    )
    return purchase
