"""The vendor's CSV export: one row per order line, totals once, safe cells."""

import csv
import io
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from catalogue.tests.factories import ServiceFactory, ServiceItemFactory

from .factories import OrderFactory, OrderItemFactory
from .reports import EXPORT_URL, HEADER, placed, rows_of, utc

pytestmark = pytest.mark.django_db


@pytest.fixture
def orders(vendor):
    service = ServiceFactory(vendor=vendor)
    pizza = ServiceItemFactory(service=service, name="Pizza", price=Decimal("8.00"))
    evil = ServiceItemFactory(service=service, name='=HYPERLINK("x")', price=Decimal("1.50"))
    first = placed(
        utc(2026, 4, 1, 12), service=service, total_amount="17.50", order_status="completed"
    )
    first.customer.first_name, first.customer.last_name = "+Eve", "Mallory"
    first.customer.save()
    OrderItemFactory(order=first, service_item=pizza, quantity=2)
    OrderItemFactory(order=first, service_item=evil, quantity=1)
    second = placed(utc(2026, 4, 3, 8), service=service, total_amount="8.00")
    OrderItemFactory(order=second, service_item=pizza, quantity=1)
    outside = placed(utc(2026, 5, 1, 8), service=service, total_amount="8.00")
    OrderItemFactory(order=outside, service_item=pizza, quantity=1)
    theirs = placed(utc(2026, 4, 2, 8), total_amount="3.50")
    OrderItemFactory(order=theirs)
    return first, second


def test_export_is_one_row_per_line_with_a_header_and_escaped_formulas(vendor_client, orders):
    first, second = orders

    response = vendor_client.get(EXPORT_URL, {"from": "2026-04-01", "to": "2026-04-30"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = rows_of(response)
    assert rows[0] == HEADER
    assert rows[1:] == [
        [
            str(first.pk),
            "2026-04-01T12:00:00+00:00",
            "completed",
            "'+Eve Mallory",
            "Pizza",
            "2",
            "8.00",
            "16.00",
            "17.50",
            "pay_at_pickup",
            "collected",
            "",
            "",
        ],
        [
            str(first.pk),
            "2026-04-01T12:00:00+00:00",
            "completed",
            "'+Eve Mallory",
            '\'=HYPERLINK("x")',
            "1",
            "1.50",
            "1.50",
            "",  # the order's total once, on its first line
            "pay_at_pickup",
            "collected",
            "",
            "",
        ],
        [
            str(second.pk),
            "2026-04-03T08:00:00+00:00",
            "pending",
            second.customer.get_full_name(),
            "Pizza",
            "1",
            "8.00",
            "8.00",
            "8.00",
            "pay_at_pickup",
            "due_at_pickup",
            "",
            "",
        ],
    ]


def test_export_gives_an_order_total_once_and_a_cancelled_order_no_totals(vendor, vendor_client):
    service = ServiceFactory(vendor=vendor)
    pizza = ServiceItemFactory(service=service, name="Pizza", price=Decimal("8.00"))
    tea = ServiceItemFactory(service=service, name="Tea", price=Decimal("1.00"))
    kept = placed(utc(2026, 4, 1, 12), service=service, total_amount="9.00")
    OrderItemFactory(order=kept, service_item=pizza, quantity=1)
    OrderItemFactory(order=kept, service_item=tea, quantity=1)
    dropped = placed(
        utc(2026, 4, 2, 12), service=service, total_amount="8.00", order_status="cancelled"
    )
    OrderItemFactory(order=dropped, service_item=pizza, quantity=1)

    rows = rows_of(vendor_client.get(EXPORT_URL, {"from": "2026-04-01", "to": "2026-04-30"}))

    assert [(r[2], r[4], r[7], r[8]) for r in rows[1:]] == [
        ("pending", "Pizza", "8.00", "9.00"),
        ("pending", "Tea", "1.00", ""),
        ("cancelled", "Pizza", "", ""),
    ]
    assert sum(float(r[8]) for r in rows[1:] if r[8]) == 9.00


def test_export_never_shows_a_customers_email(vendor_client, orders):
    response = vendor_client.get(EXPORT_URL, {"from": "2026-04-01", "to": "2026-04-30"})

    for order in orders:
        assert order.customer.email not in response.content.decode()


def test_export_of_a_vendor_without_orders_is_just_the_header(vendor_client):
    assert rows_of(vendor_client.get(EXPORT_URL)) == [HEADER]


def test_export_costs_the_same_queries_for_few_or_many_rows(
    vendor, vendor_client, django_assert_num_queries
):
    service = ServiceFactory(vendor=vendor)
    item = ServiceItemFactory(service=service)

    def export():
        response = vendor_client.get(EXPORT_URL)
        return len(rows_of(response))

    order = OrderFactory(service=service)
    OrderItemFactory(order=order, service_item=item)
    with django_assert_num_queries(3) as few:  # user, vendor's services, lines
        assert export() == 2
    for _ in range(15):
        more = OrderFactory(service=service)
        OrderItemFactory(order=more, service_item=item)
        OrderItemFactory(order=more)
    with django_assert_num_queries(len(few.captured_queries)):
        assert export() == 32


def test_admins_export_the_whole_marketplace(admin_client, orders):
    rows = rows_of(admin_client.get(EXPORT_URL, {"from": "2026-04-01", "to": "2026-04-30"}))

    assert len(rows) == 1 + 4


def test_students_and_anonymous_users_cannot_export(student_client, api):
    refused = student_client.get(EXPORT_URL)

    assert refused.status_code == 403
    assert refused.json() == {"detail": "Only vendors and admins can export orders."}
    assert api.get(EXPORT_URL).status_code == 401
    assert api.get(EXPORT_URL, HTTP_ACCEPT="text/csv")["Content-Type"] == "application/json"


def test_dates_in_the_export_default_to_the_last_30_days(vendor, vendor_client):
    service = ServiceFactory(vendor=vendor)
    recent = placed(timezone.now() - timedelta(days=2), service=service)
    OrderItemFactory(order=recent)
    old = placed(timezone.now() - timedelta(days=45), service=service)
    OrderItemFactory(order=old)

    rows = rows_of(vendor_client.get(EXPORT_URL))

    assert [row[0] for row in rows[1:]] == [str(recent.pk)]
    assert date.fromisoformat(rows[1][1][:10]) == timezone.localdate(recent.created_at)


def test_export_quotes_cells_holding_a_separator_quote_or_line_break(vendor_client, vendor):
    service = ServiceFactory(vendor=vendor)
    names = ["a;=1+1", "b,c", 'say "hi"', "two\nlines", "plain"]
    order = placed(utc(2026, 4, 1, 12), service=service, total_amount="5.00")
    for name in names:
        OrderItemFactory(order=order, service_item=ServiceItemFactory(service=service, name=name))

    response = vendor_client.get(EXPORT_URL, {"from": "2026-04-01", "to": "2026-04-30"})

    text = response.content.decode()
    assert '"a;=1+1"' in text
    assert '"b,c"' in text
    assert '"say ""hi"""' in text
    assert '"two\nlines"' in text
    assert ",plain," in text
    # A spreadsheet splitting on ';' keeps the quoted cell whole.
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        assert "=1+1" not in row
    assert sorted(row[4] for row in rows_of(response)[1:]) == sorted(names)
