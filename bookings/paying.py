"""Where bookings meet payments: the payment opened with a booking (as
``orders.paying`` for orders; what a status change means for it is
``payments.purchases``)."""

from decimal import Decimal

from django.conf import settings

from catalogue.models import Service
from payments import services as payments


def open_payment(customer, service: Service, amount: Decimal | None, method: str | None):
    """The payment of a new booking (inside its creation transaction); refused
    with a 400 on ``payment_method`` when the service does not accept it."""
    method = payments.choose_method(accepted=service.payment_methods, requested=method)
    return payments.payment_open(
        payer=customer, method=method, amount=amount, currency=settings.CURRENCY
    )
