"""The Payments section for bookings: the seat is held while awaiting
payment, invisible to the vendor; paid → visible and the vendor told;
lapsed → cancelled as the system and the seat freed; cancel of paid → refund."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bookings.models import Booking
from bookings.tests.helpers import BOOKINGS_URL, iso, status_url, tomorrow_at
from notifications.models import Notification
from payments import services
from payments.models import Payment, Refund

from .helpers import charge

pytestmark = pytest.mark.django_db


@pytest.fixture
def online_barber(barber):
    barber.payment_methods = ["online"]
    barber.save()
    return barber


@pytest.fixture
def book_online(student_client, online_barber, haircut):
    def _book(client=student_client, expect=201):
        body = {
            "service": online_barber.pk,
            "start": iso(tomorrow_at("10:00")),
            "service_item": haircut.pk,
        }
        response = client.post(BOOKINGS_URL, body, format="json")
        assert response.status_code == expect, response.json()
        return response.json()

    return _book


def made_notices(vendor):
    return Notification.objects.filter(recipient=vendor, kind="booking_made").count()


def test_online_booking_holds_the_seat_hidden_until_paid(
    api, book_online, vendor, vendor_client, other_student_client
):
    booking = book_online()
    assert booking["payment"]["status"] == "awaiting_payment"
    assert booking["payment"]["amount"] == "12.50"
    assert vendor_client.get(BOOKINGS_URL).json()["count"] == 0
    assert vendor_client.get(f"{BOOKINGS_URL}{booking['id']}/").status_code == 404
    assert made_notices(vendor) == 0
    book_online(other_student_client, expect=400)  # the seat is held
    assert charge(api, booking["payment"]).status_code == 200
    assert vendor_client.get(f"{BOOKINGS_URL}{booking['id']}/").status_code == 200
    assert made_notices(vendor) == 1


def test_lapsed_booking_is_cancelled_by_the_system_and_frees_the_seat(
    book_online, student, other_student_client
):
    booking = book_online()
    Payment.objects.update(hold_expires_at=timezone.now() - timedelta(seconds=1))
    assert services.holds_expire() == 1
    stored = Booking.objects.get(pk=booking["id"])
    assert stored.booking_status == "cancelled"
    event = stored.events.last()
    assert event.actor is None and event.reason == "Payment not completed"
    assert Notification.objects.filter(recipient=student, kind="booking_status").count() == 1
    book_online(other_student_client)  # the seat is free again


def test_vendor_cancel_of_a_paid_booking_requests_one_refund(api, book_online, vendor_client):
    booking = book_online()
    charge(api, booking["payment"])
    response = vendor_client.post(
        status_url(booking["id"]), {"booking_status": "cancelled", "reason": "Ill"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["payment"]["status"] == "refund_pending"
    assert Refund.objects.count() == 1


def test_booking_without_an_item_has_nothing_to_pay(student_client, online_barber):
    body = {"service": online_barber.pk, "start": iso(tomorrow_at("10:00"))}
    booking = student_client.post(BOOKINGS_URL, body, format="json").json()
    assert booking["payment"]["status"] == "not_required"
    assert booking["payment"]["amount"] is None


def test_booking_method_not_accepted_is_400(student_client, online_barber, haircut):
    body = {
        "service": online_barber.pk,
        "start": iso(tomorrow_at("10:00")),
        "payment_method": "pay_at_pickup",
    }
    response = student_client.post(BOOKINGS_URL, body, format="json")
    assert response.status_code == 400 and "payment_method" in response.json()
