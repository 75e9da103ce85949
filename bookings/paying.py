"""Where bookings meet payments: the payment opened with a booking, and what
a status change means for it (as ``orders.paying`` for orders)."""

from decimal import Decimal

from django.conf import settings

from catalogue.models import Service
from payments import services as payments

from .models import Booking, BookingStatus


def open_payment(customer, service: Service, amount: Decimal | None, method: str | None):
    """The payment of a new booking (inside its creation transaction); refused
    with a 400 on ``payment_method`` when the service does not accept it."""
    method = payments.choose_method(accepted=service.payment_methods, requested=method)
    return payments.payment_open(
        payer=customer, method=method, amount=amount, currency=settings.CURRENCY
    )


def status_changed(booking: Booking) -> None:
    """Call after the new status is saved, under the booking's row lock."""
    if booking.payment_id is None:
        return
    if booking.booking_status == BookingStatus.CANCELLED:
        payments.payment_subject_cancelled(payment_id=booking.payment_id)
    elif booking.booking_status == BookingStatus.COMPLETED:
        payments.payment_collect(payment_id=booking.payment_id)
