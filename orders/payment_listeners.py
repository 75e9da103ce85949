"""Orders' answers to payments' events (``payments.events``), subscribed in
``OrdersConfig.ready``: lock the order first, reveal it to its vendor once
paid, cancel it as the system when its hold lapses."""

from common.domain_events import subscribe
from payments import return_pages
from payments.events import PaymentAbandoned, PaymentPaid, PaymentSettling

from . import events, services
from .models import Order, OrderEventKind
from .transitions import OPERATOR_CANCELLABLE


def _order_id(payment_id: int) -> int | None:
    return Order.objects.filter(payment_id=payment_id).values_list("pk", flat=True).first()


@return_pages.register
def order_page(payment_id: int) -> return_pages.ReturnPage | None:
    """The order's page in the web app, where its payer returns from the checkout."""
    order_id = _order_id(payment_id)
    if order_id is None:
        return None
    return return_pages.ReturnPage(kind="order", path=f"/orders/{order_id}")


@subscribe(PaymentSettling, PaymentPaid, PaymentAbandoned)
def on_payment_event(event) -> None:
    order_id = _order_id(event.payment_id)
    if order_id is None:
        return
    if isinstance(event, PaymentSettling):
        # The lock order of every path: the service, the order, then its payment.
        services.order_lock(order_id)
    elif isinstance(event, PaymentPaid):
        order = Order.objects.select_related("service", "customer", "payment").get(pk=order_id)
        # The vendor's "order placed" notification goes out now (notifications).
        events.record(
            order=order,
            kind=OrderEventKind.PAID,
            actor=order.customer,
            from_status=order.order_status,
            to_status=order.order_status,
        )
    elif Order.objects.filter(pk=order_id, order_status__in=OPERATOR_CANCELLABLE).exists():
        # As the system: no actor in the history; the customer is told.
        services.order_cancel_by_operator(order_id=order_id, actor=None, reason=event.reason)
