"""Bookings as a kind of purchase (``purchases.kinds``): what the purchase
core needs to know about them, declared once and registered on import."""

from purchases.kinds import PurchaseKind, register
from schedule import services as schedule_services

from .models import Booking, BookingEvent, BookingEventKind, BookingStatus
from .transitions import TRANSITIONS


def _release(booking: Booking) -> None:
    """A cancelled booking's seat, given back to its slot."""
    schedule_services.release_place(service_id=booking.service_id, start=booking.start)


BOOKING = register(
    PurchaseKind(
        name="booking",
        model=Booking,
        status_field="booking_status",
        event_model=BookingEvent,
        event_subject="booking",
        status_changed_event=BookingEventKind.STATUS_CHANGED,
        paid_event=BookingEventKind.PAID,
        transitions=TRANSITIONS,
        operator_cancellable=(BookingStatus.CONFIRMED,),
        cancelled=BookingStatus.CANCELLED,
        completed=BookingStatus.COMPLETED,
        release=_release,
        not_cancellable="Only confirmed bookings can be cancelled (this one is '{status}').",
        records_role=True,
    )
)
