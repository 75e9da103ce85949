"""Bookings' answers to payments' events (``payments.events``), subscribed in
``BookingsConfig.ready``: lock the booking first, reveal it to its vendor
once paid, cancel it as the system (freeing the seat) when its hold lapses."""

from common.domain_events import subscribe
from payments import return_pages
from payments.events import PaymentAbandoned, PaymentPaid, PaymentSettling

from . import services
from .models import Booking, BookingStatus


def _booking_id(payment_id: int) -> int | None:
    return Booking.objects.filter(payment_id=payment_id).values_list("pk", flat=True).first()


@return_pages.register
def booking_page(payment_id: int) -> return_pages.ReturnPage | None:
    """The booking's page in the web app, where its payer returns from the checkout."""
    booking_id = _booking_id(payment_id)
    if booking_id is None:
        return None
    return return_pages.ReturnPage(kind="booking", path=f"/bookings/{booking_id}")


@subscribe(PaymentSettling, PaymentPaid, PaymentAbandoned)
def on_payment_event(event) -> None:
    booking_id = _booking_id(event.payment_id)
    if booking_id is None:
        return
    if isinstance(event, PaymentSettling):
        # The lock order of every path: the service, the booking, then its payment.
        services.booking_lock(booking_id)
    elif isinstance(event, PaymentPaid):
        services.booking_paid(booking_id=booking_id)
    elif Booking.objects.filter(pk=booking_id, booking_status=BookingStatus.CONFIRMED).exists():
        # As the system: no actor in the history; the customer is told.
        services.booking_cancel_by_operator(booking_id=booking_id, actor=None, reason=event.reason)
