"""Booking rules: making a booking in a slot with a free seat, safe retries,
the status machine. Views, the admin and commands only translate to these calls.

Every guarantee that must survive racing requests is decided by the database:
the seat by ``schedule``'s counted slot row (a conditional UPDATE), the
one-student-no-overlap rule by an exclusion constraint (triggers on SQLite),
the idempotency key by a unique constraint.
"""

from datetime import UTC, datetime

from django.conf import settings
from django.db import IntegrityError, transaction

from catalogue.locks import lock_item, lock_service
from catalogue.models import Service, ServiceItem
from catalogue.services import ensure_service_open_to_customers
from common.deadlocks import retry_on_deadlock
from common.exceptions import DomainError, Forbidden
from common.plans import create
from purchases import history, idempotency
from purchases.locks import lock_purchase
from purchases.services import change_status
from schedule import clock
from schedule import selectors as schedule_selectors
from schedule import services as schedule_services
from schedule.services import SlotFull

from . import paying, transitions
from .kind import BOOKING
from .models import Booking, BookingEventKind, BookingStatus

FULLY_BOOKED = "This slot is fully booked"


def _check_service_takes_bookings(service: Service) -> None:
    ensure_service_open_to_customers(service=service)
    if not service.supports_booking:
        raise DomainError(
            f"This service does not take bookings (type '{service.service_type}').",
            field="service",
        )
    if not service.is_available:
        raise DomainError("This service is not taking bookings right now.", field="service")


def _bookable_item(service: Service, item_id: int | None) -> ServiceItem | None:
    if item_id is None:
        return None
    # Locked like an order's items (after the service and the seat: the lock
    # order of catalogue.locks): a racing deletion either waits and then
    # sees this booking (so deactivates the item), or commits first and the
    # item is missing here; never a foreign-key failure at commit.
    item = lock_item(item_id)
    if item is None or item.service_id != service.pk:
        raise DomainError(f"Item {item_id} does not belong to this service.", field="service_item")
    if not item.is_active:
        raise DomainError(f"Item {item_id} is no longer offered.", field="service_item")
    if not item.is_available:
        raise DomainError(
            f"Item {item_id} ({item.name}) is not available right now.", field="service_item"
        )
    return item


def _check_upcoming_limit(service: Service, customer, *, now: datetime) -> None:
    """At most ``BOOKINGS_PER_SERVICE`` upcoming confirmed bookings of one
    service per student. Counted under the service's lock, which every
    booking of it takes first, so racing bookings cannot both pass."""
    limit = settings.BOOKINGS_PER_SERVICE
    upcoming = Booking.objects.filter(
        service_id=service.pk,
        customer=customer,
        booking_status=BookingStatus.CONFIRMED,
        start__gt=now,
    ).count()
    if upcoming >= limit:
        raise DomainError(
            f"You already hold {upcoming} upcoming bookings of this service; "
            f"the most is {limit}. Cancel one to book another.",
            field="start",
        )


@retry_on_deadlock
@transaction.atomic
def booking_create(
    *,
    customer,
    service: Service,
    start: datetime,
    service_item_id: int | None = None,
    notes: str = "",
    now: datetime | None = None,
    payment_method: str | None = None,
) -> Booking:
    """Book the slot of ``service`` starting at ``start`` for ``customer``.

    The seat is taken first, by a conditional UPDATE of the slot's counted
    row: it waits for racing bookings of the same slot and refuses once none is
    left. The booking's insert then meets the no-overlap constraint. Any
    refusal rolls the seat back with everything else.
    """
    if not customer.is_student:
        raise Forbidden("Only students can make bookings.")
    now = now or clock.now()
    # The row lock orders this booking against a racing service_delete
    # (catalogue.locks), which then deactivates the service instead.
    service = lock_service(service.pk, with_vendor=True, with_calendar=True)
    if service is None:  # deleted while this request was on its way
        raise DomainError("This service no longer exists.", field="service")
    _check_service_takes_bookings(service)
    slot = schedule_selectors.slot_offered(service, start, now=now, kind="booking")
    if slot is None:
        raise DomainError(
            f"{transitions.format_instant(start)} is not the start of a slot this service "
            "offers now (see its slots).",
            field="start",
        )
    _check_upcoming_limit(service, customer, now=now)
    try:
        schedule_services.take_place(
            service_id=service.pk, start=slot.start, end=slot.end, capacity=service.seats_per_slot
        )
    except SlotFull as exc:
        raise DomainError(FULLY_BOOKED, field="start") from exc
    # The lock order of catalogue.locks: service, slot counter, item, then the payment.
    item = _bookable_item(service, service_item_id)
    payment = paying.open_payment(customer, service, item.price if item else None, payment_method)
    try:
        with transaction.atomic():
            booking = create(
                Booking,
                service=service,
                customer=customer,
                service_item=item,
                price=item.price if item else None,
                start=slot.start,
                end=slot.end,
                notes=notes,
                payment=payment,
            )
    except IntegrityError as exc:
        raise DomainError(
            "You already hold a confirmed booking of this service that overlaps this time.",
            field="start",
        ) from exc
    history.record(
        BOOKING,
        booking,
        event=BookingEventKind.MADE,
        actor=customer,
        data={"by": transitions.CUSTOMER},
    )
    return booking


def request_fingerprint(
    *,
    service_id: int,
    start: datetime,
    service_item_id: int | None,
    notes: str,
    payment_method: str | None = None,
) -> str:
    """A digest of what the request asks for; the same instant written with
    another offset is the same request."""
    return idempotency.request_fingerprint(
        service=service_id,
        start=start.astimezone(UTC).isoformat(),
        service_item=service_item_id,
        notes=notes,
        **idempotency.given(payment_method=payment_method),  # older keys still match
    )


@retry_on_deadlock
def booking_make(
    *,
    customer,
    service: Service,
    start: datetime,
    service_item_id: int | None = None,
    notes: str = "",
    idempotency_key: str | None = None,
    payment_method: str | None = None,
) -> tuple[Booking, bool]:
    """Make a booking, or with an ``idempotency_key`` this customer already
    used, return the booking it made (``purchases.idempotency``, as for
    orders). Returns ``(booking, created)``."""
    fields = {
        "start": start,
        "service_item_id": service_item_id,
        "notes": notes,
        "payment_method": payment_method,
    }
    if idempotency_key is None:
        return booking_create(customer=customer, service=service, **fields), True
    if not customer.is_student:
        raise Forbidden("Only students can make bookings.")
    return idempotency.purchase_once(
        scope=idempotency.Scope.BOOKING,
        customer=customer,
        key=idempotency_key,
        fingerprint=request_fingerprint(service_id=service.pk, **fields),
        create=lambda: booking_create(customer=customer, service=service, **fields),
        load=lambda booking_id: Booking.objects.filter(pk=booking_id).first(),
    )


@retry_on_deadlock
@transaction.atomic
def booking_transition(
    *, booking_id: int, actor, to_status: str, reason: str = "", now: datetime | None = None
) -> Booking:
    """Move a booking along the status machine as ``actor`` (its customer or
    the service's vendor), recording who, when and why. Cancelling frees the seat."""
    booking = lock_purchase(BOOKING, booking_id, cancelling=to_status == BookingStatus.CANCELLED)
    role = transitions.role_on(booking, actor)
    if role is None:
        raise Forbidden("Only the service's vendor or the customer can change this booking.")
    reason = reason.strip()
    message = transitions.refusal(BOOKING, booking, role, to_status, now or clock.now())
    if message:
        raise DomainError(message, field="booking_status")
    if (role, to_status) in transitions.REASON_REQUIRED and not reason:
        raise DomainError("Say why you cancel: the customer is told.", field="reason")
    return change_status(
        BOOKING, booking, actor=actor, to_status=to_status, reason=reason, role=role
    )
