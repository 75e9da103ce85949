"""The vendor's reports: the summary's day-by-day figures, and the dates both reports accept."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import override_settings
from django.utils import timezone

from catalogue.tests.factories import ServiceFactory, ServiceItemFactory

from .factories import OrderItemFactory
from .reports import EXPORT_URL, SUMMARY_URL, placed, utc

pytestmark = pytest.mark.django_db

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
