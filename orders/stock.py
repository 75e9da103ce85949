"""Counted items: a placement takes its quantities, a cancellation gives them back.

Both run in the order's transaction. A placement has its items locked
already (``orders.lines.orderable_items``, after the service and its slot
counter: the lock order of ``catalogue.locks``), so it reads each count as
committed now, refuses before taking anything, and takes with a conditional
UPDATE (``stock >= quantity``) that the database re-checks anyway. A line
remembers whether it took stock, so a count set after the order was placed
never receives units that were never taken.
"""

from django.db.models import F, OuterRef, Subquery, Sum

from catalogue.models import ServiceItem
from common.exceptions import DomainError

from .models import Order, OrderItem


def _refusal(item: ServiceItem, left: int) -> DomainError:
    if left == 0:
        return DomainError(f"Item {item.pk} ({item.name}) is sold out.", field="items")
    return DomainError(
        f"Item {item.pk} ({item.name}): only {left} left.", field="items", code="stock"
    )


def take_stock(lines: list[OrderItem]) -> None:
    """Take each counted item's quantity, all or nothing; marks the lines that took."""
    wanted: dict[int, int] = {}
    items: dict[int, ServiceItem] = {}
    for line in lines:
        item = line.service_item
        if item.stock is not None:
            wanted[item.pk] = wanted.get(item.pk, 0) + line.quantity
            items[item.pk] = item
            line.stock_taken = True
    for item_id in sorted(wanted):
        if items[item_id].stock < wanted[item_id]:
            raise _refusal(items[item_id], items[item_id].stock)
    for item_id in sorted(wanted):
        taken = ServiceItem.objects.filter(pk=item_id, stock__gte=wanted[item_id]).update(
            stock=F("stock") - wanted[item_id]
        )
        if not taken:  # only if the row was not locked after all (a caller's mistake)
            left = ServiceItem.objects.filter(pk=item_id).values_list("stock", flat=True).first()
            raise _refusal(items[item_id], left or 0)
        items[item_id].stock -= wanted[item_id]


def give_back_stock(order: Order) -> None:
    """A cancelled order's taken quantities back to items still counted, in
    one statement."""
    taken = (
        OrderItem.objects.filter(order=order, service_item=OuterRef("pk"), stock_taken=True)
        .order_by()
        .values("service_item")
        .annotate(total=Sum("quantity"))
        .values("total")
    )
    ServiceItem.objects.filter(
        pk__in=OrderItem.objects.filter(order=order, stock_taken=True).values("service_item"),
        stock__isnull=False,
    ).update(stock=F("stock") + Subquery(taken))
