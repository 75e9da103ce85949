"""The order state machine's table: who may move an order from which status
to which. ``purchases.transitions`` reads it (for ``orders.services`` and
the API's ``allowed_transitions``, so clients never keep a copy of their
own). The contract names only the service's vendor and the customer:
admins see every order but move none along it; an operator cancels any
order still under way (``OPERATOR_CANCELLABLE``, ``purchases.services``).
"""

from purchases.transitions import CUSTOMER, VENDOR

from .models import OrderStatus

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


# An operator (the admin's action or API) may cancel any order still under way, with a reason.
OPERATOR_CANCELLABLE = (
    OrderStatus.PENDING,
    OrderStatus.CONFIRMED,
    OrderStatus.PREPARING,
    OrderStatus.READY,
    OrderStatus.DELIVERING,
)
