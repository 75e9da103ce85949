"""A review of a booking service is a verified purchase when its author has a
completed booking of it, read in the same single query as the reviews."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bookings.models import BookingStatus
from bookings.tests.factories import BookingFactory, BookingServiceFactory
from reviews.tests.factories import ReviewFactory
from users.tests.factories import StudentFactory

URL = "/api/reviews/"

pytestmark = pytest.mark.django_db


def _booked(service, customer, status, hours_ago=2):
    return BookingFactory(
        service=service,
        customer=customer,
        booking_status=status,
        start=timezone.now() - timedelta(hours=hours_ago),
    )


def test_a_completed_booking_verifies_the_review(api):
    service = BookingServiceFactory()
    completed, no_show, cancelled, confirmed, elsewhere = StudentFactory.create_batch(5)
    _booked(service, completed, BookingStatus.COMPLETED)
    _booked(service, no_show, BookingStatus.NO_SHOW)
    _booked(service, cancelled, BookingStatus.CANCELLED)
    _booked(service, confirmed, BookingStatus.CONFIRMED)
    _booked(BookingServiceFactory(), elsewhere, BookingStatus.COMPLETED)
    reviews = {
        user: ReviewFactory(service=service, user=user)
        for user in (completed, no_show, cancelled, confirmed, elsewhere)
    }

    with CaptureQueriesContext(connection) as queries:
        rows = api.get(URL, {"page_size": 100}).json()["results"]

    assert {row["id"]: row["verified_purchase"] for row in rows} == {
        reviews[completed].pk: True,
        reviews[no_show].pk: False,
        reviews[cancelled].pk: False,
        reviews[confirmed].pk: False,
        reviews[elsewhere].pk: False,
    }
    # The count and the page: the flag costs no query of its own.
    assert len(queries) == 2
    assert api.get(f"{URL}{reviews[completed].pk}/").json()["verified_purchase"] is True
