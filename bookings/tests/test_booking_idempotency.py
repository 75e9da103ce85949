"""Idempotency-Key on POST /api/bookings/: the same semantics as for orders."""

import pytest

from bookings.models import Booking
from conftest import client_for
from purchases.models import IdempotencyKey
from users.tests.factories import StudentFactory

from .helpers import tomorrow_at

pytestmark = pytest.mark.django_db

KEY = {"HTTP_IDEMPOTENCY_KEY": "tap-once"}


def test_a_retry_with_the_same_key_replays_the_first_booking(book):
    first = book(headers=KEY, notes="Beard too")
    again = book(headers=KEY, notes="Beard too", expect=200)

    assert again["id"] == first["id"]
    assert Booking.objects.count() == 1
    assert IdempotencyKey.objects.get().purchase_id == first["id"]


def test_the_same_key_with_another_body_is_a_422(book):
    book(headers=KEY)

    body = book(headers=KEY, start=tomorrow_at("11:00"), expect=422)

    assert "Idempotency-Key" in body["detail"]
    assert Booking.objects.count() == 1


def test_keys_belong_to_one_user(book, barber):
    book(headers=KEY, start=tomorrow_at("10:00"))

    other = book(client=client_for(StudentFactory()), headers=KEY, start=tomorrow_at("11:00"))

    assert Booking.objects.count() == 2
    assert other["start"] != tomorrow_at("10:00")


def test_a_refused_booking_does_not_use_up_the_key(book, barber):
    barber.is_available = False
    barber.save()
    book(headers=KEY, expect=400)
    barber.is_available = True
    barber.save()

    book(headers=KEY)

    assert Booking.objects.count() == 1


@pytest.mark.parametrize("key", ["", "   ", "k" * 256])
def test_a_malformed_key_is_a_400(book, key):
    book(headers={"HTTP_IDEMPOTENCY_KEY": key}, expect=400)

    assert Booking.objects.count() == 0


def test_stale_keys_are_cleaned_up_after_a_day_only(book):
    from datetime import timedelta
    from io import StringIO

    from django.core.management import CommandError, call_command
    from django.utils import timezone

    book(headers=KEY)
    call_command("cleanup_booking_idempotency_keys", stdout=StringIO())
    assert IdempotencyKey.objects.count() == 1

    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(hours=25))
    call_command("cleanup_booking_idempotency_keys", stdout=StringIO())
    assert IdempotencyKey.objects.count() == 0
    assert Booking.objects.count() == 1
    with pytest.raises(CommandError):
        call_command("cleanup_booking_idempotency_keys", hours=1)
