"""Order rules: placement with server-side totals, safe retries, the status
machine. Views and commands only translate their input to these calls."""

from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from catalogue.locks import lock_service
from catalogue.models import Service
from catalogue.services import ensure_service_open_to_customers
from common.deadlocks import retry_on_deadlock
from common.exceptions import DomainError, Forbidden
from common.fields import missing_row
from common.plans import create
from common.prefetch import remember_related
from purchases import history
from purchases.idempotency import Scope, purchase_once
from purchases.locks import lock_purchase
from purchases.services import change_status
from purchases.transitions import CUSTOMER, role_on, step_refusal

from . import paying, scheduling, stock
from .kind import ORDER
from .lines import LineKey, build_lines, merge_lines, orderable_items, request_fingerprint
from .models import Order, OrderEventKind, OrderItem, OrderStatus

CUSTOMER_EDITABLE_FIELDS = ("special_instructions", "delivery_address")


def _check_service_takes_orders(service: Service) -> None:
    ensure_service_open_to_customers(service=service)
    if not service.is_available:
        raise DomainError("This service is not accepting orders right now.", field="service")
    if not service.supports_ordering:
        raise DomainError(
            f"This service does not take orders (type '{service.service_type}').",
            field="service",
        )


def _order_create(
    *,
    customer,
    service: Service,
    merged: dict[LineKey, int],
    special_instructions: str = "",
    delivery_address: str = "",
    pickup_at=None,
    payment_method: str | None = None,
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
    # The lock order of catalogue.locks: the service (above), its slot
    # counter, then its items (locked by orderable_items, then their stock).
    pickup_at, estimated_ready_at = scheduling.order_timing(service=service, pickup_at=pickup_at)
    items = orderable_items(service, (item_id for item_id, _ in merged))
    lines = build_lines(items, merged)
    stock.take_stock(lines)
    total_amount = sum((line.total_price for line in lines), Decimal("0.00"))
    order = create(
        Order,
        service=service,
        customer=customer,
        special_instructions=special_instructions,
        delivery_address=delivery_address,
        total_amount=total_amount,
        pickup_at=pickup_at,
        estimated_ready_at=estimated_ready_at,
        payment=paying.open_payment(customer, service, total_amount, payment_method),
    )
    for line in lines:
        line.order = order
    OrderItem.objects.bulk_create(lines)
    placed = history.record(
        ORDER,
        order,
        event=OrderEventKind.PLACED,
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


@retry_on_deadlock
def order_place(
    *,
    customer,
    service: Service,
    lines: Iterable[tuple],
    special_instructions: str = "",
    delivery_address: str = "",
    idempotency_key: str | None = None,
    pickup_at=None,
    payment_method: str | None = None,
) -> tuple[Order, bool]:
    """Place an order of ``lines`` (item id, quantity[, option ids]), or with an
    ``idempotency_key`` already used by this customer, return the order it
    placed (``purchases.idempotency``). Returns ``(order, created)``."""
    merged = merge_lines(lines)
    order_fields = {
        "special_instructions": special_instructions,
        "delivery_address": delivery_address,
        "pickup_at": pickup_at,
        "payment_method": payment_method,
    }
    if idempotency_key is None:
        with transaction.atomic():
            order = _order_create(customer=customer, service=service, merged=merged, **order_fields)
        return order, True
    return purchase_once(
        scope=Scope.ORDER,
        customer=customer,
        key=idempotency_key,
        fingerprint=request_fingerprint(service_id=service.pk, merged=merged, **order_fields),
        create=lambda: _order_create(
            customer=customer, service=service, merged=merged, **order_fields
        ),
        load=lambda order_id: Order.objects.filter(pk=order_id).first(),
    )


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
    """Check the move against the table (``purchases.transitions``), then
    store it with its history event (which notifies)."""
    message = step_refusal(ORDER, role, order.order_status, to_status)
    if message:
        raise DomainError(message, field="order_status")
    timing = scheduling.apply_ready_in(
        order, to_status=to_status, ready_in_minutes=ready_in_minutes
    )
    change_status(
        ORDER, order, actor=actor, to_status=to_status, reason=reason, also_saved=tuple(timing)
    )


@retry_on_deadlock
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
    order = lock_purchase(ORDER, order_id, cancelling=to_status == OrderStatus.CANCELLED)
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


@retry_on_deadlock
@transaction.atomic
def order_update(*, order_id: int, actor, **changes) -> Order:
    """Apply a PATCH: the customer's edits of instructions and address while
    the order is pending, then a status change if one is asked for."""
    cancelling = changes.get("order_status") == OrderStatus.CANCELLED
    order = lock_purchase(ORDER, order_id, cancelling=cancelling)
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
            history.record(
                ORDER,
                order,
                event=OrderEventKind.DETAILS_EDITED,
                actor=actor,
                to_status="",
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
