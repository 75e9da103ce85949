"""Order rules: placement with server-side totals, safe retries, the status
machine. Views and commands only translate their input to these calls."""

import hashlib
import json
from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone

from catalogue.locks import lock_service
from catalogue.models import Service, ServiceItem
from catalogue.services import ensure_service_open_to_customers
from common.exceptions import Conflict, DomainError, Forbidden, KeyReused
from common.fields import missing_row
from common.plans import Plan, create
from common.prefetch import remember_related

from . import events, scheduling
from .models import IdempotencyKey, Order, OrderEventKind, OrderItem, OrderStatus
from .transitions import CUSTOMER, OPERATOR_CANCELLABLE, role_on, targets

MAX_LINES = 50
MAX_QUANTITY = 100

CUSTOMER_EDITABLE_FIELDS = ("special_instructions", "delivery_address")


class RequestInProgress(Conflict):
    """An Idempotency-Key whose first request has not produced an order."""


def merge_lines(lines: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Item id -> quantity, the same item listed twice counted once with the
    quantities summed (so a split line can never dodge the per-item limit)."""
    merged: dict[int, int] = {}
    for item_id, quantity in lines:
        merged[item_id] = merged.get(item_id, 0) + quantity
    if not 1 <= len(merged) <= MAX_LINES:
        raise DomainError(f"An order needs 1 to {MAX_LINES} different items.", field="items")
    for item_id, quantity in merged.items():
        if quantity > MAX_QUANTITY:
            raise DomainError(
                f"Item {item_id} is ordered {quantity} times in total; "
                f"the most per item is {MAX_QUANTITY}.",
                field="items",
            )
    return merged


def request_fingerprint(
    *,
    service_id: int,
    merged: dict[int, int],
    special_instructions: str,
    delivery_address: str,
    pickup_at=None,
) -> str:
    """A digest of what the request asks for, independent of line order,
    split lines or keys the server ignores."""
    request = {
        "service": service_id,
        "items": sorted(merged.items()),
        "special_instructions": special_instructions,
        "delivery_address": delivery_address,
    }
    if pickup_at is not None:
        # Only when given, so keys stored before pickup times existed still match;
        # as an instant, so the same time written with another offset matches.
        request["pickup_at"] = pickup_at.timestamp()
    canonical = json.dumps(
        request,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


def _check_service_takes_orders(service: Service) -> None:
    ensure_service_open_to_customers(service=service)
    if not service.is_available:
        raise DomainError("This service is not accepting orders right now.", field="service")
    if not service.supports_ordering:
        raise DomainError(
            f"This service does not take orders (type '{service.service_type}').",
            field="service",
        )


def _item_lock(count: int) -> Plan:
    """The lock of ``count`` items (``item0``, ``item1``...), compiled once per
    connection; at most ``MAX_LINES`` of them (``merge_lines``)."""
    plan = _ITEM_LOCKS.get(count)
    if plan is None:
        names = tuple(f"item{number}" for number in range(count))
        plan = _ITEM_LOCKS.setdefault(
            count,
            Plan(
                lambda **ids: (
                    ServiceItem.objects.select_for_update()
                    .filter(pk__in=list(ids.values()))
                    .order_by("pk")
                ),
                ids=names,
            ),
        )
    return plan


_ITEM_LOCKS: dict[int, Plan] = {}


def _orderable_items(service: Service, item_ids: Iterable[int]) -> dict[int, ServiceItem]:
    # Locked like the service: a racing item deletion either waits and then
    # sees the order line (so deactivates the item), or commits first and the
    # item is simply missing here. Unlocked, the line's foreign key would fail
    # at commit, after every check had passed.
    wanted = sorted(set(item_ids))
    locked = _item_lock(len(wanted)).all(
        **{f"item{number}": item_id for number, item_id in enumerate(wanted)}
    )
    items = {item.pk: item for item in locked}
    for item_id in wanted:
        item = items.get(item_id)
        if item is None or item.service_id != service.pk:
            raise DomainError(f"Item {item_id} does not belong to this service.", field="items")
        if not item.is_active:
            raise DomainError(f"Item {item_id} is no longer offered.", field="items")
        if not item.is_available:
            raise DomainError(
                f"Item {item_id} ({item.name}) is not available right now.", field="items"
            )
    return items


def _order_create(
    *,
    customer,
    service: Service,
    merged: dict[int, int],
    special_instructions: str = "",
    delivery_address: str = "",
    pickup_at=None,
) -> Order:
    """Place an order with prices read from the database now; anything the
    client said about prices never reaches here. Runs inside the caller's
    transaction (``order_place``), which a refusal rolls back whole."""
    if not customer.is_student:
        raise Forbidden("Only students can place orders.")
    # Re-read inside the transaction: availability and prices as of this moment.
    # The row lock orders this placement against a racing service_delete, which
    # then sees the order and deactivates the service instead of destroying it.
    service_id = service.pk  # may be a reference (common.fields.LockedLaterField)
    service = lock_service(service_id, with_vendor=True, with_calendar=True)
    if service is None:  # no such service, or deleted meanwhile
        raise DomainError(missing_row(service_id), field="service")
    _check_service_takes_orders(service)
    items = _orderable_items(service, merged)
    pickup_at, estimated_ready_at = scheduling.order_timing(service=service, pickup_at=pickup_at)

    lines = [
        OrderItem(
            service_item=items[item_id],
            quantity=quantity,
            unit_price=items[item_id].price,
            total_price=items[item_id].price * quantity,
        )
        for item_id, quantity in sorted(merged.items())
    ]
    order = create(
        Order,
        service=service,
        customer=customer,
        special_instructions=special_instructions,
        delivery_address=delivery_address,
        total_amount=sum((line.total_price for line in lines), Decimal("0.00")),
        pickup_at=pickup_at,
        estimated_ready_at=estimated_ready_at,
    )
    for line in lines:
        line.order = order
    OrderItem.objects.bulk_create(lines)
    placed = events.record(
        order=order,
        kind=OrderEventKind.PLACED,
        actor=customer,
        to_status=OrderStatus.PENDING,
        data={
            "total_amount": str(order.total_amount),
            "lines": len(lines),
            "quantity": sum(line.quantity for line in lines),
        },
    )
    # Everything an answer shows is now in memory (the service was read with
    # its vendor and profile, each line holds its item), so the view can
    # serialize these rows instead of reading the order back: the same JSON,
    # pinned by a test.
    remember_related(order, "items", lines)
    remember_related(order, "events", [placed])
    return order


def order_place(
    *,
    customer,
    service: Service,
    lines: Iterable[tuple[int, int]],
    special_instructions: str = "",
    delivery_address: str = "",
    idempotency_key: str | None = None,
    pickup_at=None,
) -> tuple[Order, bool]:
    """Place an order of ``lines`` (item id, quantity), or with an
    ``idempotency_key`` already used by this customer, return the order it
    placed. Returns ``(order, created)``.

    The key row is inserted before the order in the same transaction, so its
    unique constraint decides between racing retries: on PostgreSQL the loser's
    insert waits for the winner to commit, then fails, and it replays the
    winner's order. A refused order rolls the key back with it.
    """
    merged = merge_lines(lines)
    order_fields = {
        "special_instructions": special_instructions,
        "delivery_address": delivery_address,
        "pickup_at": pickup_at,
    }
    if idempotency_key is None:
        with transaction.atomic():
            order = _order_create(customer=customer, service=service, merged=merged, **order_fields)
        return order, True

    fingerprint = request_fingerprint(service_id=service.pk, merged=merged, **order_fields)
    try:
        with transaction.atomic():
            # The key row first: a racing retry's insert of it waits for this
            # transaction, then fails. A refusal rolls back the key with the
            # rest, and so does a failed key insert (there is nothing else yet).
            key = create(
                IdempotencyKey, user=customer, key=idempotency_key, request_fingerprint=fingerprint
            )
            order = _order_create(customer=customer, service=service, merged=merged, **order_fields)
            key.order = order
            key.save(update_fields=["order"])
    except IntegrityError as conflict:
        try:
            return _replay(customer=customer, key=idempotency_key, fingerprint=fingerprint), False
        except IdempotencyKey.DoesNotExist:  # not the key's constraint
            raise conflict from None
    return order, True


def _replay(*, customer, key: str, fingerprint: str) -> Order:
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


def _role_on(order: Order, actor) -> str:
    role = role_on(order, actor)
    if role is None:
        raise Forbidden("Only the service's vendor or the customer can change this order.")
    return role


def _transition(
    order: Order,
    *,
    actor,
    role: str,
    to_status: str,
    ready_in_minutes: int | None = None,
    reason: str = "",
) -> None:
    current = order.order_status
    allowed = targets(role, current)
    if to_status not in allowed:
        message = f"Cannot change status from '{current}' to '{to_status}'."
        if role == CUSTOMER:
            message += " As the customer you may only cancel a pending order."
        elif allowed:
            message += f" From '{current}' it can go to: {', '.join(sorted(allowed))}."
        else:
            message += f" A '{current}' order is final."
        raise DomainError(message, field="order_status")
    _apply(
        order, actor=actor, to_status=to_status, ready_in_minutes=ready_in_minutes, reason=reason
    )


def _apply(
    order: Order, *, actor, to_status: str, reason: str = "", ready_in_minutes: int | None = None
) -> None:
    """Store an allowed change and its history event (which notifies)."""
    current = order.order_status
    timing = scheduling.apply_ready_in(
        order, to_status=to_status, ready_in_minutes=ready_in_minutes
    )
    if to_status == OrderStatus.CANCELLED:
        scheduling.release_pickup(order)
    order.order_status = to_status
    order.save(update_fields=["order_status", "updated_at", *timing])
    events.record(
        order=order,
        kind=OrderEventKind.STATUS_CHANGED,
        actor=actor,
        from_status=current,
        to_status=to_status,
        reason=reason,
    )


def _locked(order_id: int) -> Order:
    """The order row, locked until the transaction ends, so two racing changes
    are applied one after the other against the status each really sees."""
    return Order.objects.select_for_update(of=("self",)).select_related("service").get(pk=order_id)


@transaction.atomic
def order_transition(
    *,
    order_id: int,
    actor,
    to_status: str,
    ready_in_minutes: int | None = None,
    reason: str = "",
) -> Order:
    """Move an order along the status machine as ``actor``, recording who did it
    (and why, when a cancellation says so: the customer is shown the reason)."""
    order = _locked(order_id)
    role = _role_on(order, actor)
    _transition(
        order,
        actor=actor,
        role=role,
        to_status=to_status,
        ready_in_minutes=ready_in_minutes,
        reason=reason.strip() if to_status == OrderStatus.CANCELLED else "",
    )
    return order


@transaction.atomic
def order_cancel_by_operator(*, order_id: int, actor, reason: str) -> Order:
    """An operator's cancellation (Django admin): any order still under way,
    always with a reason, recorded in the history and told to the customer."""
    order = _locked(order_id)
    reason = reason.strip()
    if not reason:
        raise DomainError("A reason is required.", field="reason")
    if order.order_status not in OPERATOR_CANCELLABLE:
        raise DomainError(
            f"A '{order.order_status}' order is final and cannot be cancelled.",
            field="order_status",
        )
    _apply(order, actor=actor, to_status=OrderStatus.CANCELLED, reason=reason)
    return order


@transaction.atomic
def order_update(*, order_id: int, actor, **changes) -> Order:
    """Apply a PATCH: the customer's edits of instructions and address while
    the order is pending, then a status change if one is asked for."""
    order = _locked(order_id)
    role = _role_on(order, actor)
    edits = {name: changes[name] for name in CUSTOMER_EDITABLE_FIELDS if name in changes}
    if edits:
        if role != CUSTOMER:
            raise Forbidden("Only the customer can change the instructions and delivery address.")
        if order.order_status != OrderStatus.PENDING:
            raise DomainError(
                "Instructions and delivery address can only be changed while the order is "
                f"pending (it is '{order.order_status}').",
                field=next(iter(edits)),
            )
        changed = {
            name: {"from": getattr(order, name), "to": value}
            for name, value in edits.items()
            if getattr(order, name) != value
        }
        for name, value in edits.items():
            setattr(order, name, value)
        order.save(update_fields=[*edits, "updated_at"])
        if changed:
            events.record(
                order=order,
                kind=OrderEventKind.DETAILS_EDITED,
                actor=actor,
                data={"status": order.order_status, "changes": changed},
            )
    if "order_status" in changes:
        _transition(
            order,
            actor=actor,
            role=role,
            to_status=changes["order_status"],
            ready_in_minutes=changes.get("ready_in_minutes"),
        )
    elif "ready_in_minutes" in changes:
        raise DomainError(
            "ready_in_minutes goes with an order_status of confirmed or preparing.",
            field="ready_in_minutes",
        )
    return order
