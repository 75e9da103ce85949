"""Bookings and their history serialize as DRF's own machinery would
(common.serializers.FastReadMixin)."""

import pytest
from rest_framework.test import APIRequestFactory

from bookings import selectors
from bookings.api.serializers import BookingSerializer
from common.tests.fast_read import assert_same_json

from .helpers import status_url, tomorrow_at

pytestmark = pytest.mark.django_db


def test_bookings_as_their_customer_and_vendor_see_them(
    book, haircut, student, vendor, student_client
):
    book(service_item=haircut.pk, notes="Short on the sides")
    cancelled = book(start=tomorrow_at("11:00"))
    student_client.post(
        status_url(cancelled["id"]),
        {"booking_status": "cancelled", "reason": "Exam moved"},
        format="json",
    )

    for viewer in (student, vendor):
        request = APIRequestFactory().get("/api/bookings/")
        request.user = viewer
        bookings = list(selectors.booking_list(user=viewer))
        data = assert_same_json(BookingSerializer, bookings, context={"request": request})
        assert sorted(len(booking["history"]) for booking in data) == [1, 2]
