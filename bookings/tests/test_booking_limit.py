"""A student holds at most BOOKINGS_PER_SERVICE upcoming confirmed bookings of one service."""

import pytest

from bookings.models import Booking

from .factories import BookingServiceFactory, open_every_day
from .helpers import BOOKINGS_URL, iso, status_url, tomorrow_at

pytestmark = pytest.mark.django_db


def test_a_fourth_upcoming_booking_of_one_service_is_refused(book, student_client):
    for hour in ("09:00", "10:00", "11:00"):
        book(start=tomorrow_at(hour))

    refused = book(start=tomorrow_at("12:00"), expect=400)

    assert "the most is 3" in refused["start"][0]
    assert Booking.objects.count() == 3


def test_cancelling_one_makes_room_for_another(book, student_client):
    first = book(start=tomorrow_at("09:00"))
    book(start=tomorrow_at("10:00"))
    book(start=tomorrow_at("11:00"))

    student_client.post(status_url(first["id"]), {"booking_status": "cancelled"})

    book(start=tomorrow_at("12:00"))


def test_the_limit_is_per_service(book, student_client, vendor):
    for hour in ("09:00", "10:00", "11:00"):
        book(start=tomorrow_at(hour))
    other = BookingServiceFactory(vendor=vendor)
    open_every_day(other)

    response = student_client.post(
        BOOKINGS_URL, {"service": other.pk, "start": iso(tomorrow_at("12:00"))}, format="json"
    )

    assert response.status_code == 201


def test_the_limit_comes_from_the_setting(book, settings):
    settings.BOOKINGS_PER_SERVICE = 1
    book(start=tomorrow_at("09:00"))

    assert "the most is 1" in book(start=tomorrow_at("10:00"), expect=400)["start"][0]
