"""Racing requests on PostgreSQL: the counted slot row, the exclusion
constraint and the unique key each let exactly the right requests win."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from bookings.models import Booking, BookingEvent
from conftest import client_for
from purchases.models import IdempotencyKey
from schedule.models import SlotUsage
from users.tests.factories import StudentFactory

from .helpers import BOOKINGS_URL, iso, status_url, tomorrow_at

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def race(requests):
    """Run each ``(client, url, data, headers)`` POST at the same moment."""
    barrier = threading.Barrier(len(requests), timeout=60)

    def run(client, url, data, headers):
        try:
            barrier.wait()
            response = client.post(url, data, format="json", **headers)
            return response.status_code, response.json()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(lambda args: run(*args), requests))


def test_fifteen_students_racing_for_one_seat_get_exactly_one_booking(barber):
    body = {"service": barber.pk, "start": iso(tomorrow_at("10:00"))}
    clients = [client_for(StudentFactory()) for _ in range(15)]

    results = race([(c, BOOKINGS_URL, body, {}) for c in clients])

    assert sorted(code for code, _ in results) == [201] + [400] * 14
    refusals = [body for code, body in results if code == 400]
    assert all(r == {"start": ["This slot is fully booked"]} for r in refusals)
    assert Booking.objects.count() == 1
    assert SlotUsage.objects.get().taken == 1


def test_a_slot_with_three_seats_never_takes_a_fourth(barber):
    barber.seats_per_slot = 3
    barber.save()
    body = {"service": barber.pk, "start": iso(tomorrow_at("10:00"))}
    clients = [client_for(StudentFactory()) for _ in range(12)]

    results = race([(c, BOOKINGS_URL, body, {}) for c in clients])

    assert sorted(code for code, _ in results) == [201] * 3 + [400] * 9
    assert Booking.objects.count() == 3
    assert SlotUsage.objects.get().taken == 3


def test_ten_parallel_retries_with_one_key_make_one_booking(barber, student):
    body = {"service": barber.pk, "start": iso(tomorrow_at("10:00"))}
    headers = {"HTTP_IDEMPOTENCY_KEY": "double-tap"}
    clients = [client_for(student) for _ in range(10)]

    results = race([(c, BOOKINGS_URL, body, headers) for c in clients])

    assert sorted(code for code, _ in results) == [200] * 9 + [201]
    assert len({body["id"] for _, body in results}) == 1
    assert Booking.objects.count() == 1
    assert BookingEvent.objects.count() == 1
    assert IdempotencyKey.objects.get().purchase_id == results[0][1]["id"]
    assert SlotUsage.objects.get().taken == 1


def test_one_students_racing_overlapping_bookings_leave_one(barber, student):
    barber.seats_per_slot = 10
    barber.save()
    body = {"service": barber.pk, "start": iso(tomorrow_at("10:00"))}
    clients = [client_for(student) for _ in range(8)]

    results = race([(c, BOOKINGS_URL, body, {}) for c in clients])

    assert sorted(code for code, _ in results) == [201] + [400] * 7
    assert Booking.objects.count() == 1
    # The losers' seats were rolled back with them.
    assert SlotUsage.objects.get().taken == 1


def test_racing_cancel_and_complete_apply_exactly_one(barber, student, vendor):
    from datetime import timedelta

    from django.utils import timezone

    from .factories import BookingFactory

    booking = BookingFactory(
        service=barber, customer=student, start=timezone.now() - timedelta(minutes=5)
    )
    vendor_clients = [client_for(vendor) for _ in range(6)]
    requests = [
        (c, status_url(booking.pk), {"booking_status": status}, {})
        for c, status in zip(vendor_clients, ["completed", "no_show"] * 3, strict=True)
    ]

    results = race(requests)

    assert sorted(code for code, _ in results) == [200] + [400] * 5
    assert BookingEvent.objects.filter(kind="status_changed").count() == 1
