"""``payment.hold_expires_at``: when an unpaid online order or booking is
cancelled, published so the payer's countdown follows the server's setting;
null once nothing is held (paid, expired, pay at pickup)."""

from datetime import datetime, timedelta

import pytest

from bookings.tests.helpers import BOOKINGS_URL, iso, tomorrow_at
from payments import services

from .helpers import charge

pytestmark = pytest.mark.django_db

ORDERS_URL = "/api/orders/"


def hold_minutes(thing: dict) -> float:
    """Minutes from the order's or booking's creation to its hold's end."""
    created = datetime.fromisoformat(thing["created_at"])
    ends = datetime.fromisoformat(thing["payment"]["hold_expires_at"])
    return (ends - created) / timedelta(minutes=1)


@pytest.fixture
def book_online(student_client, barber, haircut):
    barber.payment_methods = ["online"]
    barber.save()

    def _book():
        body = {
            "service": barber.pk,
            "start": iso(tomorrow_at("10:00")),
            "service_item": haircut.pk,
        }
        response = student_client.post(BOOKINGS_URL, body, format="json")
        assert response.status_code == 201, response.json()
        return response.json()

    return _book


def test_order_awaiting_payment_shows_when_its_hold_lapses(order_online, student_client):
    order = order_online()
    assert hold_minutes(order) == pytest.approx(15, abs=0.05)
    # The detail and the list say the same.
    detail = student_client.get(f"{ORDERS_URL}{order['id']}/").json()
    assert detail["payment"]["hold_expires_at"] == order["payment"]["hold_expires_at"]
    listed = student_client.get(ORDERS_URL).json()["results"][0]
    assert listed["payment"]["hold_expires_at"] == order["payment"]["hold_expires_at"]


def test_hold_follows_the_setting(order_online, settings):
    settings.PAYMENT_HOLD_MINUTES = 3
    assert hold_minutes(order_online()) == pytest.approx(3, abs=0.05)


def test_paid_order_has_no_hold(api, order_online, student_client, vendor_client):
    order = order_online()
    assert charge(api, order["payment"]).status_code == 200
    for client in (student_client, vendor_client):
        payment = client.get(f"{ORDERS_URL}{order['id']}/").json()["payment"]
        assert payment["status"] == "paid"
        assert payment["hold_expires_at"] is None


def test_lapsed_order_has_no_hold(order_online, student_client):
    from payments.models import Payment

    order = order_online()
    Payment.objects.update(hold_expires_at=Payment.objects.get().created_at)
    assert services.holds_expire() == 1
    payment = student_client.get(f"{ORDERS_URL}{order['id']}/").json()["payment"]
    assert payment["status"] == "expired"
    assert payment["hold_expires_at"] is None


def test_order_paid_at_pickup_has_no_hold(order_online):
    order = order_online(payment_method="pay_at_pickup")
    assert order["payment"]["status"] == "due_at_pickup"
    assert order["payment"]["hold_expires_at"] is None


def test_booking_awaiting_payment_shows_when_its_hold_lapses(book_online, student_client):
    booking = book_online()
    assert booking["payment"]["status"] == "awaiting_payment"
    assert hold_minutes(booking) == pytest.approx(15, abs=0.05)
    detail = student_client.get(f"{BOOKINGS_URL}{booking['id']}/").json()
    assert detail["payment"]["hold_expires_at"] == booking["payment"]["hold_expires_at"]


def test_paid_booking_has_no_hold(api, book_online, student_client, vendor_client):
    booking = book_online()
    assert charge(api, booking["payment"]).status_code == 200
    for client in (student_client, vendor_client):
        payment = client.get(f"{BOOKINGS_URL}{booking['id']}/").json()["payment"]
        assert payment["status"] == "paid"
        assert payment["hold_expires_at"] is None
