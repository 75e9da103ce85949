"""The admins' operator cancel through the API: the same effects as the
Django admin's action (history with the admin and the reason, the customer
told and emailed, places and stock freed, the payment refunded), for orders
and bookings alike; who may call it is in tests/authorization_table.py."""

import pytest

from bookings.models import Booking
from bookings.tests.helpers import BOOKINGS_URL, iso, tomorrow_at
from notifications.models import EmailOutbox, Notification
from orders.models import Order
from payments.models import Refund
from payments.tests.helpers import charge

pytestmark = pytest.mark.django_db

ORDERS_URL = "/api/orders/"


def cancel_url(noun: str, purchase_id: int) -> str:
    return f"/api/{noun}s/{purchase_id}/operator_cancel/"


@pytest.fixture
def book(student_client, barber, haircut):
    barber.payment_methods = ["online"]
    barber.save()

    def _book(client=student_client, expect=201):
        start = iso(tomorrow_at("10:00"))
        body = {"service": barber.pk, "start": start, "service_item": haircut.pk}
        response = client.post(BOOKINGS_URL, body, format="json")
        assert response.status_code == expect, response.json()
        return response.json()

    return _book


def test_admin_cancels_a_paid_order_with_the_reason_on_record_and_money_back(
    api, admin_client, admin_user, order_online, shop, student
):
    _, item = shop
    item.stock = 10
    item.save()
    order = order_online()
    charge(api, order["payment"])

    response = admin_client.post(
        cancel_url("order", order["id"]), {"reason": "  Kitchen closed  "}, format="json"
    )

    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["order_status"] == "cancelled" and body["allowed_transitions"] == []
    assert body["payment"]["status"] == "refund_pending"
    assert Refund.objects.count() == 1
    event = Order.objects.get(pk=order["id"]).events.latest("id")
    assert (event.to_status, event.reason) == ("cancelled", "Kitchen closed")
    assert event.actor == admin_user
    told = Notification.objects.about(Order.objects.get(pk=order["id"])).get(recipient=student)
    assert "Reason: Kitchen closed" in told.body
    assert EmailOutbox.objects.get(notification=told).to == student.email
    item.refresh_from_db()
    assert item.stock == 10  # the two taken are back


def test_admin_cancels_a_booking_and_frees_its_seat(api, admin_client, book, other_student_client):
    booking = book()
    charge(api, booking["payment"])

    response = admin_client.post(
        cancel_url("booking", booking["id"]), {"reason": "Room flooded"}, format="json"
    )

    assert response.status_code == 200, response.json()
    assert response.json()["booking_status"] == "cancelled"
    assert response.json()["payment"]["status"] == "refund_pending"
    event = Booking.objects.get(pk=booking["id"]).events.latest("id")
    assert (event.reason, event.data) == ("Room flooded", {"by": "operator"})
    book(other_student_client)  # the seat is free again


@pytest.mark.parametrize("reason", [None, "", "    ", "x" * 501])
def test_reason_is_required_trimmed_and_at_most_500(admin_client, order_online, reason):
    order = order_online()
    body = {} if reason is None else {"reason": reason}

    response = admin_client.post(cancel_url("order", order["id"]), body, format="json")

    assert response.status_code == 400
    assert "reason" in response.json()
    assert Order.objects.get(pk=order["id"]).order_status == "pending"


def test_a_reason_of_500_characters_is_taken(admin_client, order_online):
    order = order_online()

    response = admin_client.post(
        cancel_url("order", order["id"]), {"reason": " " + "x" * 500 + " "}, format="json"
    )

    assert response.status_code == 200
    assert Order.objects.get(pk=order["id"]).events.latest("id").reason == "x" * 500


def test_a_final_purchase_is_refused_with_a_message(admin_client, book):
    booking = book()
    url = cancel_url("booking", booking["id"])
    assert admin_client.post(url, {"reason": "First"}, format="json").status_code == 200

    again = admin_client.post(url, {"reason": "Second"}, format="json")

    assert again.status_code == 400
    assert again.json()["booking_status"] == [
        "Only confirmed bookings can be cancelled (this one is 'cancelled')."
    ]


def test_the_vendor_of_the_order_may_not_cancel_as_an_operator(api, vendor_client, order_online):
    order = order_online()
    charge(api, order["payment"])  # now visible to its vendor

    response = vendor_client.post(cancel_url("order", order["id"]), {"reason": "x"}, format="json")

    assert response.status_code == 403
    assert Order.objects.get(pk=order["id"]).order_status == "pending"
