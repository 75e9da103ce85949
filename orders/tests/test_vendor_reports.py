"""The vendor's reports: the summary's day-by-day figures and the CSV export."""

import csv
import io
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.test import override_settings
from django.utils import timezone

from catalogue.tests.factories import ServiceFactory, ServiceItemFactory
from orders.models import Order

from .factories import OrderFactory, OrderItemFactory
from .helpers import ORDERS_URL

pytestmark = pytest.mark.django_db

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


# --- by_day ------------------------------------------------------------------------------


def test_by_day_has_every_date_of_the_range_with_zeros(vendor, vendor_client):
    service = ServiceFactory(vendor=vendor)
    placed(utc(2026, 3, 2, 9), service=service, order_status="completed", total_amount="10.00")
    placed(utc(2026, 3, 2, 15), service=service, order_status="pending", total_amount="99.00")
    placed(utc(2026, 3, 4, 12), service=service, order_status="completed", total_amount="2.50")
    placed(utc(2026, 3, 4, 13), order_status="completed", total_amount="500.00")  # not theirs

    response = vendor_client.get(SUMMARY_URL, {"from": "2026-03-01", "to": "2026-03-05"})

    assert response.status_code == 200
    body = response.json()
    assert (body["from"], body["to"]) == ("2026-03-01", "2026-03-05")
    assert body["by_day"] == [
        {
            "date": "2026-03-01",
            "orders": 0,
            "completed": 0,
            "revenue": "0.00",
            "paid_online": "0.00",
            "paid_at_pickup": "0.00",
            "refunded": "0.00",
        },
        {
            "date": "2026-03-02",
            "orders": 2,
            "completed": 1,
            "revenue": "10.00",
            "paid_online": "0.00",
            "paid_at_pickup": "10.00",
            "refunded": "0.00",
        },
        {
            "date": "2026-03-03",
            "orders": 0,
            "completed": 0,
            "revenue": "0.00",
            "paid_online": "0.00",
            "paid_at_pickup": "0.00",
            "refunded": "0.00",
        },
        {
            "date": "2026-03-04",
            "orders": 1,
            "completed": 1,
            "revenue": "2.50",
            "paid_online": "0.00",
            "paid_at_pickup": "2.50",
            "refunded": "0.00",
        },
        {
            "date": "2026-03-05",
            "orders": 0,
            "completed": 0,
            "revenue": "0.00",
            "paid_online": "0.00",
            "paid_at_pickup": "0.00",
            "refunded": "0.00",
        },
    ]
    # The existing all-time figures are still there.
    assert body["total_orders"] == 3
    assert body["revenue"] == "12.50"


def test_by_item_sums_completed_sales_per_item_in_the_range_best_seller_first(
    vendor, vendor_client
):
    service = ServiceFactory(vendor=vendor)
    pizza = ServiceItemFactory(service=service, name="Pizza", price=Decimal("8.00"))
    tea = ServiceItemFactory(service=service, name="Tea", price=Decimal("1.00"))
    done = placed(utc(2026, 3, 2, 9), service=service, order_status="completed")
    OrderItemFactory(order=done, service_item=tea, quantity=3, unit_price=Decimal("1.00"))
    OrderItemFactory(order=done, service_item=pizza, quantity=1, unit_price=Decimal("8.00"))
    again = placed(utc(2026, 3, 3, 9), service=service, order_status="completed")
    OrderItemFactory(order=again, service_item=tea, quantity=2, unit_price=Decimal("1.00"))
    dropped = placed(utc(2026, 3, 3, 10), service=service, order_status="cancelled")
    OrderItemFactory(order=dropped, service_item=pizza, quantity=5, unit_price=Decimal("8.00"))
    before = placed(utc(2026, 2, 1, 10), service=service, order_status="completed")
    OrderItemFactory(order=before, service_item=pizza, quantity=5, unit_price=Decimal("8.00"))

    body = vendor_client.get(SUMMARY_URL, {"from": "2026-03-01", "to": "2026-03-05"}).json()

    assert body["by_item"] == [
        {"item": pizza.pk, "name": "Pizza", "quantity": 1, "revenue": "8.00"},
        {"item": tea.pk, "name": "Tea", "quantity": 5, "revenue": "5.00"},
    ]


def test_by_day_defaults_to_the_last_30_days_ending_today(vendor, vendor_client):
    placed(
        timezone.now(),
        service=ServiceFactory(vendor=vendor),
        order_status="completed",
        total_amount="4.00",
    )

    body = vendor_client.get(SUMMARY_URL).json()

    today = timezone.localdate()
    assert [day["date"] for day in body["by_day"]] == [
        str(today - timedelta(days=n)) for n in range(29, -1, -1)
    ]
    assert body["by_day"][-1] == {
        "date": str(today),
        "orders": 1,
        "completed": 1,
        "revenue": "4.00",
        "paid_online": "0.00",
        "paid_at_pickup": "4.00",
        "refunded": "0.00",
    }


@override_settings(TIME_ZONE="Africa/Nairobi")  # UTC+3 all year
def test_by_day_counts_orders_by_their_local_date(vendor, vendor_client):
    service = ServiceFactory(vendor=vendor)
    # 22:30 UTC on 9 May is 01:30 on 10 May in Nairobi; 20:59 UTC is still 9 May there.
    placed(utc(2026, 5, 9, 22, 30), service=service, order_status="completed", total_amount="7.00")
    placed(utc(2026, 5, 9, 20, 59), service=service, order_status="completed", total_amount="1.00")
    # 21:00 UTC on 10 May is midnight of 11 May in Nairobi: outside the range.
    placed(utc(2026, 5, 10, 21, 0), service=service, total_amount="3.00")

    body = vendor_client.get(SUMMARY_URL, {"from": "2026-05-09", "to": "2026-05-10"}).json()

    assert body["by_day"] == [
        {
            "date": "2026-05-09",
            "orders": 1,
            "completed": 1,
            "revenue": "1.00",
            "paid_online": "0.00",
            "paid_at_pickup": "1.00",
            "refunded": "0.00",
        },
        {
            "date": "2026-05-10",
            "orders": 1,
            "completed": 1,
            "revenue": "7.00",
            "paid_online": "0.00",
            "paid_at_pickup": "7.00",
            "refunded": "0.00",
        },
    ]


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"from": "2026-13-01"}, "from"),
        ({"to": "yesterday"}, "to"),
        ({"from": "2026-3-1", "to": "2026-03-05"}, "from"),
        ({"from": "2026-03-05", "to": "2026-03-01"}, "from"),
        ({"from": "2025-01-01", "to": "2026-01-02"}, "to"),  # 367 dates
        ({"from": "2024-01-01", "to": "2026-01-01"}, "to"),
    ],
)
def test_malformed_reversed_or_too_long_ranges_are_refused(vendor_client, query, field):
    for url in (SUMMARY_URL, EXPORT_URL):
        response = vendor_client.get(url, query)

        assert response.status_code == 400
        assert response["Content-Type"] == "application/json"
        assert field in response.json()


@pytest.mark.parametrize(
    ("first", "last"), [("2024-01-01", "2024-12-31"), ("2025-01-01", "2026-01-01")]
)
def test_a_range_of_366_dates_is_accepted(vendor_client, first, last):
    body = vendor_client.get(SUMMARY_URL, {"from": first, "to": last}).json()

    assert len(body["by_day"]) == 366


# --- CSV export ------------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"to": "9999-12-31"}, "to"),
        ({"from": "9999-12-31", "to": "9999-12-31"}, "from"),
        ({"from": "0001-01-01", "to": "0001-01-01"}, "from"),
        ({"from": "1999-12-31", "to": "2000-01-05"}, "from"),
        ({"from": "2100-12-31", "to": "2101-01-01"}, "to"),
    ],
)
def test_report_dates_outside_the_years_2000_to_2100_are_refused(vendor_client, query, field):
    for url in (SUMMARY_URL, EXPORT_URL):
        response = vendor_client.get(url, query)

        assert response.status_code == 400, (url, query)
        assert response["Content-Type"] == "application/json"
        assert field in response.json()


@pytest.mark.parametrize(
    ("first", "last"), [("2000-01-01", "2000-01-02"), ("2100-12-30", "2100-12-31")]
)
def test_report_dates_at_the_ends_of_the_allowed_years_are_accepted(vendor_client, first, last):
    for url in (SUMMARY_URL, EXPORT_URL):
        assert vendor_client.get(url, {"from": first, "to": last}).status_code == 200


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
