"""Orders as a kind of purchase (``purchases.kinds``): what the purchase core
needs to know about them, declared once and registered on import."""

from purchases.kinds import PurchaseKind, register
from purchases.transitions import CUSTOMER

from . import scheduling, stock
from .models import Order, OrderEvent, OrderEventKind, OrderStatus
from .transitions import OPERATOR_CANCELLABLE, TRANSITIONS


def _release(order: Order) -> None:
    """A cancelled order's pickup place and counted stock, given back."""
    scheduling.release_pickup(order)
    stock.give_back_stock(order)


ORDER = register(
    PurchaseKind(
        name="order",
        model=Order,
        status_field="order_status",
        event_model=OrderEvent,
        event_subject="order",
        status_changed_event=OrderEventKind.STATUS_CHANGED,
        paid_event=OrderEventKind.PAID,
        transitions=TRANSITIONS,
        operator_cancellable=OPERATOR_CANCELLABLE,
        cancelled=OrderStatus.CANCELLED,
        completed=OrderStatus.COMPLETED,
        release=_release,
        role_hints={CUSTOMER: "As the customer you may only cancel a pending order."},
    )
)
