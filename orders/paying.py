"""Where orders meet payments: the payment opened with an order, and what a
status change means for it. Kept apart from ``services`` so the order rules
read the same with or without online payment."""

from decimal import Decimal

from django.conf import settings

from catalogue.models import Service
from payments import services as payments

from .models import Order, OrderStatus


def open_payment(customer, service: Service, amount: Decimal, method: str | None):
    """The payment of a new order (inside its creation transaction); refused
    with a 400 on ``payment_method`` when the service does not accept it."""
    method = payments.choose_method(accepted=service.payment_methods, requested=method)
    return payments.payment_open(
        payer=customer, method=method, amount=amount, currency=settings.CURRENCY
    )


def status_changed(order: Order) -> None:
    """Call after the order's new status is saved, under its row lock: a
    cancel ends the hold or refunds, a completion collects what was due."""
    if order.payment_id is None:
        return
    if order.order_status == OrderStatus.CANCELLED:
        payments.payment_subject_cancelled(payment_id=order.payment_id)
    elif order.order_status == OrderStatus.COMPLETED:
        payments.payment_collect(payment_id=order.payment_id)
