"""The booking state machine: its table (role -> {from: (to, ...)}, read by
``purchases.transitions`` as the orders' one), plus the time rules the
contract attaches to some moves, which are bookings' own: the customer
cancels until ``cancel_notice_minutes`` before the start, the vendor cancels
only before the start (with a reason), and marks ``completed``/``no_show``
only once it has started. ``bookings.services`` enforces this module and the
API shows its answer per booking as ``allowed_transitions``. Admins see
every booking but move none along the table; an operator cancels any
confirmed one (``purchases.services.operator_cancel``).
"""

from datetime import datetime, timedelta

from django.utils import timezone

from purchases import transitions as core
from purchases.kinds import PurchaseKind
from purchases.transitions import CUSTOMER, VENDOR, role_on
from schedule import clock

from .models import Booking, BookingStatus

TRANSITIONS: dict[str, dict[str, tuple[str, ...]]] = {
    VENDOR: {
        BookingStatus.CONFIRMED: (
            BookingStatus.CANCELLED,
            BookingStatus.COMPLETED,
            BookingStatus.NO_SHOW,
        ),
    },
    CUSTOMER: {
        BookingStatus.CONFIRMED: (BookingStatus.CANCELLED,),
    },
}

# Moves that need a reason from this role.
REASON_REQUIRED = {(VENDOR, BookingStatus.CANCELLED)}


def cancel_deadline(booking: Booking) -> datetime:
    """The last instant the customer may cancel."""
    return booking.start - timedelta(minutes=booking.service.cancel_notice_minutes)


def format_instant(instant: datetime) -> str:
    """An instant as the API shows it: local time with its UTC offset (``Z`` for UTC)."""
    text = timezone.localtime(instant).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _time_refusal(booking: Booking, role: str, to_status: str, now: datetime) -> str | None:
    """Why the clock forbids this move now, or None."""
    if role == CUSTOMER and to_status == BookingStatus.CANCELLED:
        deadline = cancel_deadline(booking)
        if now > deadline:
            return (
                f"This booking could be cancelled until {format_instant(deadline)} "
                f"({booking.service.cancel_notice_minutes} minutes before its start); "
                "that time has passed."
            )
    if role == VENDOR and to_status == BookingStatus.CANCELLED and now >= booking.start:
        return (
            f"The booking started at {format_instant(booking.start)}; a vendor can cancel "
            "only before the start. Mark it completed or no_show instead."
        )
    finishing = to_status in (BookingStatus.COMPLETED, BookingStatus.NO_SHOW)
    if role == VENDOR and finishing and now < booking.start:
        return (
            f"A booking can be marked {to_status} only once it has started "
            f"(at {format_instant(booking.start)})."
        )
    return None


def refusal(
    kind: PurchaseKind, booking: Booking, role: str | None, to_status: str, now: datetime
) -> str | None:
    """Why ``role`` may not move ``booking`` to ``to_status`` at ``now``, or None:
    the table's answer first, then the clock's. The reason requirement is
    checked by the service, not here."""
    message = core.step_refusal(kind, role, booking.booking_status, to_status)
    return message or _time_refusal(booking, role, to_status, now)


def allowed_transitions(
    kind: PurchaseKind, booking: Booking, user, now: datetime | None = None
) -> list[str]:
    """The statuses ``user`` may move ``booking`` to right now; [] when none."""
    role = role_on(booking, user)
    now = now or clock.now()
    return [
        to_status
        for to_status in core.targets(kind, role, booking.booking_status)
        if _time_refusal(booking, role, to_status, now) is None
    ]
