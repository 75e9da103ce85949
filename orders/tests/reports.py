"""Shared by the vendor report tests: the report URLs, the export's header,
and orders stored as if placed at a given time."""

import csv
import io
from datetime import UTC, datetime

from orders.models import Order

from .factories import OrderFactory
from .helpers import ORDERS_URL

SUMMARY_URL = f"{ORDERS_URL}summary/"
EXPORT_URL = f"{ORDERS_URL}export/"
HEADER = [
    "order_id",
    "placed_at",
    "status",
    "customer_name",
    "item",
    "quantity",
    "unit_price",
    "line_total",
    "order_total",
    "payment_method",
    "payment_status",
    "options",
    "refunded_amount",
]


def placed(at: datetime, **fields) -> Order:
    """An order stored as if placed at ``at`` (created_at is set on insert)."""
    order = OrderFactory(**fields)
    Order.objects.filter(pk=order.pk).update(created_at=at)
    order.refresh_from_db()
    return order


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode())))
