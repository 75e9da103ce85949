"""Order reads: who sees which orders, the vendor's summary and reports."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from common.exceptions import DomainError
from payments.models import PaymentMethod, PaymentStatus
from purchases.visibility import visible_to

from .kind import ORDER
from .models import Order, OrderEvent, OrderItem, OrderStatus

REPORT_DEFAULT_DAYS = 30
REPORT_MAX_DAYS = 366


def orders_visible_to(user) -> QuerySet[Order]:
    """A student's own orders, a vendor's orders for their services, or all
    for an admin (``purchases.visibility``)."""
    return visible_to(ORDER, user)


def _shown(orders: QuerySet[Order]) -> QuerySet[Order]:
    """Everything the API shows of each order, loaded in a fixed number of
    queries whatever the page size."""
    return orders.select_related(
        "service__vendor__vendor_profile", "customer", "payment"
    ).prefetch_related(
        Prefetch("items", queryset=OrderItem.objects.select_related("service_item")),
        Prefetch("events", queryset=OrderEvent.objects.select_related("actor__vendor_profile")),
    )


def order_list(*, user) -> QuerySet[Order]:
    """Visible orders, newest first, with everything the API shows loaded."""
    return _shown(orders_visible_to(user)).order_by("-created_at", "-id")


def order_answer(order_id: int) -> Order:
    """One order as the API answers it after a write. The write found the
    order among those its user may see, and no write hides an order from
    the user who made it, so visibility is not asked again: for a vendor
    that would read their services once more on every move of the board."""
    return _shown(Order.objects.all()).get(pk=order_id)


COMPLETED = Q(order_status=OrderStatus.COMPLETED)
# Money by how it came in, as the export's payment_status column reads it: an
# online payment accepted (and not refunded), cash collected at pickup (an
# order from before payments, completed, counts as that), a refund confirmed.
PAID_ONLINE = Q(payment__method=PaymentMethod.ONLINE, payment__status=PaymentStatus.PAID)
PAID_AT_PICKUP = Q(payment__status=PaymentStatus.COLLECTED) | (Q(payment__isnull=True) & COMPLETED)
REFUNDED = Q(payment__status=PaymentStatus.REFUNDED)


@dataclass(frozen=True)
class ReportPeriod:
    """Local calendar dates ``first`` to ``last`` inclusive, in the campus
    time zone (``TIME_ZONE``), the zone in which vendors live their days."""

    first: date
    last: date

    @classmethod
    def from_query(cls, *, first: date | None, last: date | None) -> "ReportPeriod":
        """The period a report asks for. ``to`` defaults to today (local),
        ``from`` to 29 days before ``to`` (30 days in all). Reversed ranges
        and ranges over 366 days are refused (400)."""
        last = last or timezone.localdate(timezone=timezone.get_default_timezone())
        first = first or last - timedelta(days=REPORT_DEFAULT_DAYS - 1)
        if first > last:
            raise DomainError("'from' must be on or before 'to'.", field="from")
        if (last - first).days + 1 > REPORT_MAX_DAYS:
            raise DomainError(f"A report covers at most {REPORT_MAX_DAYS} days.", field="to")
        return cls(first, last)

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]

    def bounds(self) -> tuple[datetime, datetime]:
        """The aware instants the period spans: local midnight of ``first``
        up to (excluding) local midnight after ``last``."""
        zone = timezone.get_default_timezone()
        start = datetime.combine(self.first, time.min, tzinfo=zone)
        end = datetime.combine(self.last + timedelta(days=1), time.min, tzinfo=zone)
        return start, end


def _placed_within(orders: QuerySet[Order], period: ReportPeriod) -> QuerySet[Order]:
    start, end = period.bounds()
    return orders.filter(created_at__gte=start, created_at__lt=end)


def orders_by_day(*, user, period: ReportPeriod) -> list[dict]:
    """One row per date of ``period`` (zeros included), by the local date each
    order was placed: orders placed, how many of those are completed now,
    their completed total, and their money by how it was paid (paid online,
    paid at pickup, refunded). One query, whatever the length of the period."""
    per_day = (
        _placed_within(orders_visible_to(user), period)
        .annotate(day=TruncDate("created_at", tzinfo=timezone.get_default_timezone()))
        .order_by()
        .values("day")
        .annotate(
            orders=Count("id"),
            completed=Count("id", filter=COMPLETED),
            revenue=Sum("total_amount", filter=COMPLETED),
            paid_online=Sum("total_amount", filter=PAID_ONLINE),
            paid_at_pickup=Sum("total_amount", filter=PAID_AT_PICKUP),
            refunded=Sum("payment__refunded_amount", filter=REFUNDED),
        )
    )
    found = {row["day"]: row for row in per_day}
    rows = []
    for day in period.days():
        row = found.get(day, {})
        rows.append(
            {
                "date": day,
                "orders": row.get("orders", 0),
                "completed": row.get("completed", 0),
                "revenue": row.get("revenue") or Decimal("0.00"),
                "paid_online": row.get("paid_online") or Decimal("0.00"),
                "paid_at_pickup": row.get("paid_at_pickup") or Decimal("0.00"),
                "refunded": row.get("refunded") or Decimal("0.00"),
            }
        )
    return rows


def sales_by_item(*, user, period: ReportPeriod) -> list[dict]:
    """What sold within ``period``: for each item, the quantity and takings of
    its lines in completed orders placed then, best seller first (by takings,
    then quantity, then name). One query."""
    lines = (
        OrderItem.objects.filter(
            order__in=_placed_within(orders_visible_to(user), period).filter(COMPLETED)
        )
        .order_by()
        .values("service_item_id", "service_item__name")
        .annotate(quantity=Sum("quantity"), revenue=Sum("total_price"))
    )
    rows = [
        {
            "item": row["service_item_id"],
            "name": row["service_item__name"],
            "quantity": row["quantity"],
            "revenue": row["revenue"] or Decimal("0.00"),
        }
        for row in lines
    ]
    rows.sort(key=lambda r: (-r["revenue"], -r["quantity"], r["name"]))
    return rows


def order_summary(*, user, period: ReportPeriod | None = None) -> dict:
    """Order counts per status (every status present) and the revenue of
    completed orders, over the vendor's services or, for an admin, everything;
    these totals cover all time. ``by_day`` breaks down the ``period``."""
    period = period or ReportPeriod.from_query(first=None, last=None)
    orders = orders_visible_to(user)
    counts = dict.fromkeys(OrderStatus.values, 0)
    per_status = orders.order_by().values("order_status").annotate(n=Count("id"))
    counts.update(per_status.values_list("order_status", "n"))
    revenue = orders.aggregate(revenue=Sum("total_amount", filter=COMPLETED))["revenue"]
    return {
        "counts": counts,
        "total_orders": sum(counts.values()),
        "revenue": revenue or Decimal("0.00"),
        "from": period.first,
        "to": period.last,
        "by_day": orders_by_day(user=user, period=period),
        "by_item": sales_by_item(user=user, period=period),
    }


def order_lines_for_export(*, user, period: ReportPeriod) -> QuerySet[OrderItem]:
    """Every line of the orders ``user`` sees placed within ``period``, oldest
    order first, with its order and customer joined: one query for any number
    of rows."""
    orders = _placed_within(orders_visible_to(user), period)
    return (
        OrderItem.objects.filter(order__in=orders)
        .select_related("order__customer", "order__payment", "service_item")
        .order_by("order__created_at", "order_id", "id")
    )
