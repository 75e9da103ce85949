"""The vendor's CSV export of order lines.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a
formula, and customers and vendors choose the names that land in cells, so
such cells get a leading single quote (OWASP's advice; tab and carriage
return too, which some spreadsheets also honour).
"""

import io

from django.http import HttpResponse
from django.utils import timezone
from rest_framework.negotiation import BaseContentNegotiation

from orders.models import OrderStatus
from users.selectors import public_name

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
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value) -> str:
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _row(line, *, first_of_order: bool) -> list:
    """One order line. The order's total goes on its first line only, so a
    column sum is the takings; a cancelled order's lines keep their status
    ("cancelled") and carry no totals, because nothing was sold."""
    order = line.order
    cancelled = order.order_status == OrderStatus.CANCELLED
    placed_at = timezone.localtime(order.created_at, timezone.get_default_timezone())
    return [
        order.pk,
        placed_at.isoformat(),
        order.order_status,
        public_name(order.customer),
        # The snapshot: a renamed item or option never rewrites an export.
        line.item_name,
        line.quantity,
        line.unit_price,
        "" if cancelled else line.total_price,
        order.total_amount if first_of_order and not cancelled else "",
        *_payment_cells(order),
        "; ".join(f"{option['group']}: {option['name']}" for option in line.options),
        # Columns added later go last, so the ones before stay where spreadsheets
        # expect them. Like order_total, on the order's first line only.
        _refunded(order) if first_of_order else "",
    ]


def _refunded(order) -> str:
    """The refund the provider confirmed, so the column sums to the dashboard's
    "Refunded"; empty otherwise (a cancelled order's totals are empty)."""
    payment = order.payment
    if payment is None or payment.status != "refunded" or payment.refunded_amount is None:
        return ""
    return payment.refunded_amount


def _payment_cells(order) -> list[str]:
    """Method and status; an order from before payments: paid at pickup."""
    if order.payment is not None:
        return [order.payment.method, order.payment.status]
    if not order.total_amount:
        return ["pay_at_pickup", "not_required"]
    return ["pay_at_pickup", "collected" if order.order_status == "completed" else "due_at_pickup"]


# The csv module quotes only the comma, the quote and line breaks; spreadsheets
# in many locales split on ';' too, so a cell holding any of them is quoted here.
MUST_QUOTE = (",", ";", '"', "\n", "\r")


def quote_cell(text: str) -> str:
    if any(char in text for char in MUST_QUOTE):
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_line(cells) -> str:
    return ",".join(quote_cell(cell) for cell in cells) + "\r\n"


def csv_response(lines, *, filename: str) -> HttpResponse:
    out = io.StringIO()
    out.write(_csv_line(HEADER))
    previous_order = None
    for line in lines:
        row = _row(line, first_of_order=line.order_id != previous_order)
        previous_order = line.order_id
        out.write(_csv_line(escape_cell(cell) for cell in row))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class JSONErrorsNegotiation(BaseContentNegotiation):
    """The export answers CSV itself; anything DRF renders for it (errors)
    is JSON whatever ``Accept`` says, like every other error of the API."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
