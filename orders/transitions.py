"""The order state machine, in one place.

Who may move an order from which status to which. The contract names only the
service's vendor and the customer: admins see every order but change none
through the API; operators cancel in the Django admin (``OPERATOR_CANCELLABLE``).
``orders.services`` enforces this table and the API exposes it per order as
``allowed_transitions``, so clients never keep a copy of their own. (Bookings
get their own table in the same shape: role -> {from: (to, ...)}.)
"""

from .models import Order, OrderStatus

VENDOR = "vendor"
CUSTOMER = "customer"

TRANSITIONS: dict[str, dict[str, tuple[str, ...]]] = {
    VENDOR: {
        OrderStatus.PENDING: (OrderStatus.CONFIRMED, OrderStatus.CANCELLED),
        OrderStatus.CONFIRMED: (OrderStatus.PREPARING, OrderStatus.CANCELLED),
        OrderStatus.PREPARING: (OrderStatus.READY,),
        OrderStatus.READY: (OrderStatus.DELIVERING, OrderStatus.COMPLETED),
        OrderStatus.DELIVERING: (OrderStatus.COMPLETED,),
    },
    CUSTOMER: {
        OrderStatus.PENDING: (OrderStatus.CANCELLED,),
    },
}


# An operator (Django admin) may cancel any order still under way, with a reason.
OPERATOR_CANCELLABLE = (
    OrderStatus.PENDING,
    OrderStatus.CONFIRMED,
    OrderStatus.PREPARING,
    OrderStatus.READY,
    OrderStatus.DELIVERING,
)


def role_on(order: Order, user) -> str | None:
    """``"vendor"`` for the service's vendor, ``"customer"`` for who placed it,
    None for anyone else (admins included)."""
    if user is None or not user.is_authenticated:
        return None
    if order.service.vendor_id == user.pk:
        return VENDOR
    if order.customer_id == user.pk:
        return CUSTOMER
    return None


def targets(role: str | None, from_status: str) -> tuple[str, ...]:
    """The statuses ``role`` may move an order in ``from_status`` to."""
    if role is None:
        return ()
    return TRANSITIONS[role].get(from_status, ())


def allowed_transitions(order: Order, user) -> list[str]:
    """What ``user`` may move ``order`` to now; [] when nothing."""
    return list(targets(role_on(order, user), order.order_status))
