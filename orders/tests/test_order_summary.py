from decimal import Decimal

import pytest

from catalogue.tests.factories import ServiceFactory
from orders.models import OrderStatus

from .factories import OrderFactory
from .helpers import ORDERS_URL

pytestmark = pytest.mark.django_db

SUMMARY_URL = f"{ORDERS_URL}summary/"
NO_ORDERS = dict.fromkeys(OrderStatus.values, 0)


def totals(response) -> dict:
    """The all-time figures (``by_day`` has its own tests in test_vendor_reports)."""
    body = response.json()
    return {key: body[key] for key in ("counts", "total_orders", "revenue")}


@pytest.fixture
def marketplace(vendor):
    service = ServiceFactory(vendor=vendor)
    OrderFactory(service=service, order_status="completed", total_amount=Decimal("10.25"))
    OrderFactory(service=service, order_status="completed", total_amount=Decimal("4.50"))
    OrderFactory(service=service, order_status="pending", total_amount=Decimal("99.00"))
    OrderFactory(service=service, order_status="cancelled", total_amount=Decimal("7.00"))
    OrderFactory(order_status="completed", total_amount=Decimal("100.00"))
    OrderFactory(order_status="preparing", total_amount=Decimal("1.00"))


def test_vendor_summary_covers_only_their_services(vendor_client, marketplace):
    response = vendor_client.get(SUMMARY_URL)

    assert response.status_code == 200
    assert totals(response) == {
        "counts": {**NO_ORDERS, "pending": 1, "completed": 2, "cancelled": 1},
        "total_orders": 4,
        "revenue": "14.75",
    }


def test_admin_summary_covers_the_whole_marketplace(admin_client, marketplace):
    response = admin_client.get(SUMMARY_URL)

    assert totals(response) == {
        "counts": {**NO_ORDERS, "pending": 1, "completed": 3, "cancelled": 1, "preparing": 1},
        "total_orders": 6,
        "revenue": "114.75",
    }


def test_vendor_without_orders_gets_zeros(vendor_client):
    response = vendor_client.get(SUMMARY_URL)

    assert totals(response) == {"counts": NO_ORDERS, "total_orders": 0, "revenue": "0.00"}


def test_students_have_no_summary(student_client, api):
    response = student_client.get(SUMMARY_URL)

    assert response.status_code == 403
    assert response.json() == {"detail": "Only vendors and admins have an order summary."}
    assert api.get(SUMMARY_URL).status_code == 401
