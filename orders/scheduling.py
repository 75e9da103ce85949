"""When an order can be placed and when it will be ready.

Kept apart from the placement and status rules in ``orders.services`` so the
calendar side of an order reads in one place: the as-soon-as-possible rule
(the service must be open now), pickup times (an offered slot with a free
place, taken in the order's transaction), the ready estimate, and the
place given back on cancellation.
"""

from datetime import datetime, timedelta

from common.exceptions import DomainError
from common.plans import Plan
from schedule import clock
from schedule.selectors import ORDERING, asap_refusal, campus_tz, slot_offered
from schedule.services import release_place, take_place
from schedule.slots import local_text

from .models import Order, OrderStatus

# Orders ahead of a new as-soon-as-possible order in the kitchen's queue.
QUEUED = (OrderStatus.PENDING, OrderStatus.CONFIRMED, OrderStatus.PREPARING)
READY_IN_STATUSES = (OrderStatus.CONFIRMED, OrderStatus.PREPARING)
READY_IN_MINUTES = (1, 240)

# How many as-soon-as-possible orders of a service are in its queue.
_QUEUE_AHEAD = Plan(
    lambda service: (
        Order.objects.filter(service_id=service, pickup_at__isnull=True, order_status__in=QUEUED)
        .order_by()
        .values_list("pk")
    ),
    ids=("service",),
    around="SELECT COUNT(*) FROM ({}) AS queued",
)


def order_timing(*, service, pickup_at: datetime | None) -> tuple[datetime | None, datetime]:
    """Check when this order may be placed and take its pickup place.

    Returns ``(pickup_at, estimated_ready_at)``. Call inside the placement
    transaction, with the service row locked, after every other check: the
    place taken here is given back by the rollback of a refused order.
    """
    now = clock.now()
    if pickup_at is None:
        refusal = asap_refusal(service, now=now)
        if refusal:
            raise DomainError(refusal, field="service")
        return None, asap_estimate(service, now=now)
    slot = slot_offered(service, pickup_at, now=now, kind=ORDERING)
    if slot is None:
        raise DomainError(_not_offered(service, pickup_at, now=now), field="pickup_at")
    take_place(
        service_id=service.pk,
        start=slot.start,
        end=slot.end,
        capacity=service.orders_per_slot,
        field="pickup_at",
        message="This pickup time is full; choose another one.",
    )
    return slot.start, slot.start


def _not_offered(service, pickup_at: datetime, *, now: datetime) -> str:
    when = local_text(pickup_at, campus_tz())
    earliest = now + timedelta(minutes=service.prep_minutes)
    if pickup_at < earliest:
        return (
            f"{when} is no longer offered: pickup times start at least "
            f"{service.prep_minutes} minutes from now."
        )
    return (
        f"{when} is not one of this service's pickup times; see "
        f"/api/services/{service.pk}/slots/ for those offered."
    )


def asap_estimate(service, *, now: datetime) -> datetime:
    """Placement time plus ``prep_minutes`` for each round of
    ``orders_in_parallel`` as-soon-as-possible orders already in the queue."""
    (ahead,) = _QUEUE_AHEAD.first(service=service.pk)
    rounds = 1 + ahead // service.orders_in_parallel
    return now + timedelta(minutes=service.prep_minutes * rounds)


def apply_ready_in(order: Order, *, to_status: str, ready_in_minutes: int | None) -> list[str]:
    """The vendor's own estimate when confirming or starting to prepare;
    returns the fields it changed."""
    if ready_in_minutes is None:
        return []
    if to_status not in READY_IN_STATUSES:
        raise DomainError(
            "ready_in_minutes can only be sent when confirming an order or starting to prepare it.",
            field="ready_in_minutes",
        )
    low, high = READY_IN_MINUTES
    if not low <= ready_in_minutes <= high:
        raise DomainError(f"ready_in_minutes must be {low} to {high}.", field="ready_in_minutes")
    order.estimated_ready_at = clock.now() + timedelta(minutes=ready_in_minutes)
    return ["estimated_ready_at"]


def release_pickup(order: Order) -> None:
    """A cancelled order gives its pickup place back."""
    if order.pickup_at is not None:
        release_place(service_id=order.service_id, start=order.pickup_at)
