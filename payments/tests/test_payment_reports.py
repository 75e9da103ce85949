"""The vendor's figures by how orders were paid: the summary's ``by_day``
``paid_online`` / ``paid_at_pickup`` / ``refunded`` and the CSV export agree."""

import csv
import io
from decimal import Decimal

import pytest
from django.utils import timezone

from payments import tasks
from payments.models import Refund

from .helpers import charge, refunded

pytestmark = pytest.mark.django_db

ORDERS_URL = "/api/orders/"


def move(client, order_id, *statuses):
    for status in statuses:
        response = client.post(
            f"{ORDERS_URL}{order_id}/update_status/", {"order_status": status}, format="json"
        )
        assert response.status_code == 200, response.json()


def complete(vendor_client, order_id):
    move(vendor_client, order_id, "confirmed", "preparing", "ready", "completed")


@pytest.fixture
def mixed_day(api, order_online, vendor_client, student_client):
    """Today's orders of one vendor, each 13.00: paid online (twice, one of
    them completed), paid online then cancelled and refunded, paid at pickup
    (completed), still due at pickup, and one waiting for its payment."""
    for n in range(2):
        paid = order_online()
        assert charge(api, paid["payment"]).status_code == 200
        if n:
            complete(vendor_client, paid["id"])
    refund = order_online()
    charge(api, refund["payment"])
    move(student_client, refund["id"], "cancelled")
    for pending in Refund.objects.filter(status="pending"):
        tasks.refund_send.call(refund_id=pending.pk)
    assert refunded(api, refund["payment"]["reference"], 1300).status_code == 200
    collected = order_online(payment_method="pay_at_pickup")
    complete(vendor_client, collected["id"])
    order_online(payment_method="pay_at_pickup")
    order_online()  # awaiting payment: not the vendor's yet


def test_summary_splits_each_day_by_how_it_was_paid(mixed_day, vendor_client):
    today = timezone.localdate()
    body = vendor_client.get(f"{ORDERS_URL}summary/").json()
    assert body["by_day"][-1] == {
        "date": str(today),
        "orders": 5,
        "completed": 2,
        "revenue": "26.00",
        "paid_online": "26.00",
        "paid_at_pickup": "13.00",
        "refunded": "13.00",
    }
    assert all(
        (day["paid_online"], day["paid_at_pickup"], day["refunded"]) == ("0.00",) * 3
        for day in body["by_day"][:-1]
    )


def test_export_sums_to_the_summary(mixed_day, vendor_client):
    """A spreadsheet summing the CSV by payment columns reads the dashboard's figures."""
    summary = vendor_client.get(f"{ORDERS_URL}summary/").json()["by_day"][-1]
    export = vendor_client.get(f"{ORDERS_URL}export/")
    rows = list(csv.DictReader(io.StringIO(export.content.decode())))

    def total(column, **where):
        return sum(
            (
                Decimal(row[column])
                for row in rows
                if row[column] and all(row[k] == v for k, v in where.items())
            ),
            Decimal("0.00"),
        )

    assert (
        str(total("order_total", payment_method="online", payment_status="paid"))
        == (summary["paid_online"])
    )
    assert str(total("order_total", payment_status="collected")) == summary["paid_at_pickup"]
    assert str(total("refunded_amount")) == summary["refunded"]
    refunded_rows = [row for row in rows if row["payment_status"] == "refunded"]
    assert [row["refunded_amount"] for row in refunded_rows] == ["13.00"]


def test_a_refund_not_yet_confirmed_is_not_counted(
    api, order_online, student_client, vendor_client
):
    order = order_online()
    charge(api, order["payment"])
    move(student_client, order["id"], "cancelled")
    today = vendor_client.get(f"{ORDERS_URL}summary/").json()["by_day"][-1]
    assert (today["paid_online"], today["refunded"]) == ("0.00", "0.00")
    rows = list(
        csv.DictReader(io.StringIO(vendor_client.get(f"{ORDERS_URL}export/").content.decode()))
    )
    assert [(row["payment_status"], row["refunded_amount"]) for row in rows] == [
        ("refund_pending", "")
    ]
