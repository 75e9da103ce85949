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
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def escape_cell(value) -> str:
    text = str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _row(line) -> list:
    order = line.order
    placed_at = timezone.localtime(order.created_at, timezone.get_default_timezone())
    return [
        order.pk,
        placed_at.isoformat(),
        order.order_status,
        public_name(order.customer),
        line.service_item.name,
        line.quantity,
        line.unit_price,
        line.total_price,
        order.total_amount,
    ]


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
    for line in lines:
        out.write(_csv_line(escape_cell(cell) for cell in _row(line)))
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
