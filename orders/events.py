"""Writing an order's events: the row in the change's transaction, then the
in-process publication listeners (notifications, the live stream) read."""

from common.domain_events import publish
from common.plans import create

from .models import Order, OrderEvent, OrderEventKind


def record(
    *,
    order: Order,
    kind: OrderEventKind,
    actor,
    from_status: str = "",
    to_status: str = "",
    reason: str = "",
    data: dict | None = None,
) -> OrderEvent:
    """Store one event of ``order`` and publish it. Call inside the transaction
    that made the change, so both commit or roll back together."""
    event = create(
        OrderEvent,
        order=order,
        kind=kind,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        reason=reason,
        data=data or {},
    )
    publish(event)
    return event
