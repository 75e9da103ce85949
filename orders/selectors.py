"""Order reads: who sees which orders, and the vendor's summary."""

from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from catalogue.models import Service

from .models import Order, OrderEvent, OrderItem, OrderStatus


def orders_visible_to(user) -> QuerySet[Order]:
    """A student's own orders, a vendor's orders for their services, or all
    for an admin; nobody else's, so others' orders are simply not found."""
    orders = Order.objects.all()
    if user.is_admin_type:
        return orders
    if user.is_vendor:
        # The vendor's service ids as a list, not a join: PostgreSQL then walks
        # the (service, created_at) index instead of scanning every order.
        service_ids = list(Service.objects.filter(vendor=user).values_list("id", flat=True))
        return orders.filter(service_id__in=service_ids)
    if user.is_student:
        return orders.filter(customer=user)
    return orders.none()


def order_list(*, user) -> QuerySet[Order]:
    """Visible orders, newest first, with everything the API shows loaded in a
    fixed number of queries whatever the page size."""
    return (
        orders_visible_to(user)
        .select_related("service__vendor__vendor_profile", "customer")
        .prefetch_related(
            Prefetch("items", queryset=OrderItem.objects.select_related("service_item")),
            Prefetch("events", queryset=OrderEvent.objects.select_related("actor")),
        )
        .order_by("-created_at", "-id")
    )


def order_summary(*, user) -> dict:
    """Order counts per status (every status present) and the revenue of
    completed orders, over the vendor's services or, for an admin, everything."""
    completed = Q(order_status=OrderStatus.COMPLETED)
    orders = orders_visible_to(user)
    counts = dict.fromkeys(OrderStatus.values, 0)
    per_status = orders.order_by().values("order_status").annotate(n=Count("id"))
    counts.update(per_status.values_list("order_status", "n"))
    revenue = orders.aggregate(revenue=Sum("total_amount", filter=completed))["revenue"]
    return {
        "counts": counts,
        "total_orders": sum(counts.values()),
        "revenue": revenue or Decimal("0.00"),
    }
