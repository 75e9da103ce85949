"""Booking notifications (kept apart from the order and review ones): the
vendor hears of a booking made or cancelled by its customer, the customer of
each status change the vendor makes; a vendor cancellation is also emailed."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bookings.tests.factories import BookingFactory, BookingServiceFactory, open_every_day
from bookings.tests.helpers import BOOKINGS_URL, iso, status_url, tomorrow_at
from catalogue.tests.factories import VendorProfileFactory
from conftest import client_for
from notifications.models import EmailOutbox, Notification
from users.tests.factories import StudentFactory, VendorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def barber():
    vendor = VendorFactory()
    VendorProfileFactory(user=vendor, business_name="Campus Cuts")
    service = BookingServiceFactory(vendor=vendor, service_name="Haircuts")
    open_every_day(service)
    return vendor, service


@pytest.fixture
def customer():
    return StudentFactory(first_name="Grace", last_name="Hopper")


def book(customer, service) -> dict:
    body = {"service": service.pk, "start": iso(tomorrow_at("10:00"))}
    response = client_for(customer).post(BOOKINGS_URL, body, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def move(user, booking_id, status, reason=None):
    body = {"booking_status": status, **({"reason": reason} if reason else {})}
    response = client_for(user).post(status_url(booking_id), body, format="json")
    assert response.status_code == 200, response.json()


def test_a_booking_made_notifies_its_vendor_only(barber, customer):
    vendor, service = barber

    booking = book(customer, service)

    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (vendor, "booking_made")
    assert (notification.booking_id, notification.service_id, notification.order_id) == (
        booking["id"],
        service.pk,
        None,
    )
    assert notification.body.startswith("Grace Hopper booked Haircuts for ")
    listed = client_for(vendor).get("/api/notifications/").json()["results"]
    assert listed[0]["booking"] == booking["id"]


def test_a_customer_cancelling_notifies_the_vendor_without_email(barber, customer):
    vendor, service = barber
    booking = book(customer, service)

    move(customer, booking["id"], "cancelled")

    cancelled = Notification.objects.get(kind="booking_status")
    assert cancelled.recipient == vendor
    assert cancelled.title == f"Booking #{booking['id']} cancelled by the customer"
    assert not Notification.objects.filter(recipient=customer).exists()
    assert not EmailOutbox.objects.exists()


def test_the_vendor_cancelling_notifies_and_emails_the_customer_with_the_reason(barber, customer):
    vendor, service = barber
    booking = book(customer, service)

    move(vendor, booking["id"], "cancelled", reason="Barber is ill")

    notification = Notification.objects.get(recipient=customer)
    assert notification.kind == "booking_status"
    assert "Campus Cuts cancelled your booking" in notification.body
    assert notification.body.endswith("Reason: Barber is ill")
    assert EmailOutbox.objects.get().notification == notification
    assert list(Notification.objects.filter(recipient=vendor).values_list("kind", flat=True)) == [
        "booking_made"
    ]


@pytest.mark.parametrize("outcome", ["completed", "no_show"])
def test_the_vendor_closing_a_past_booking_notifies_the_customer(barber, customer, outcome):
    vendor, service = barber
    started = BookingFactory(
        service=service, customer=customer, start=timezone.now() - timedelta(minutes=5)
    )

    move(vendor, started.pk, outcome)

    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (customer, "booking_status")
    assert not EmailOutbox.objects.exists()
