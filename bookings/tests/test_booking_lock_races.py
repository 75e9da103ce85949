"""Racing requests on PostgreSQL: cancels against bookings of one seat, and
bookings against the deletion of their item, answer 2xx or 4xx, never 5xx."""

import pytest

from bookings.models import Booking
from catalogue.models import ServiceItem
from catalogue.tests.factories import ServiceItemFactory
from conftest import client_for
from schedule.models import SlotUsage
from tests.races import race
from users.tests.factories import StudentFactory

from .helpers import BOOKINGS_URL, iso, status_url, tomorrow_at

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS = 20
PAIRS = 6


def test_cancels_racing_bookings_of_one_slot_never_deadlock(barber):
    barber.seats_per_slot = 2 * PAIRS
    barber.save()
    body = {"service": barber.pk, "start": iso(tomorrow_at("10:00"))}
    held = []
    for _ in range(PAIRS):
        client = client_for(StudentFactory())
        response = client.post(BOOKINGS_URL, body, format="json")
        assert response.status_code == 201, response.json()
        held.append((client, response.json()["id"]))
    for _ in range(ROUNDS):
        cancels = [
            (client, "post", status_url(booking_id), {"booking_status": "cancelled"}, "json")
            for client, booking_id in held
        ]
        newcomers = [client_for(StudentFactory()) for _ in range(PAIRS)]
        bookings = [(client, "post", BOOKINGS_URL, body, "json") for client in newcomers]

        results = race([*cancels, *bookings])

        assert [code for code, _ in results] == [200] * PAIRS + [201] * PAIRS, results
        # The next round cancels this round's bookings.
        held = [(client, made["id"]) for client, (_, made) in zip(newcomers, results[PAIRS:])]
    confirmed = Booking.objects.filter(booking_status="confirmed").count()
    assert SlotUsage.objects.get(service=barber).taken == confirmed == PAIRS


def test_bookings_racing_the_deletion_of_their_item_never_fail(barber, vendor):
    barber.seats_per_slot = 10
    barber.save()
    for round_number in range(5):
        item = ServiceItemFactory(service=barber, name=f"Cut {round_number}")
        url = f"/api/services/{barber.pk}/items/{item.pk}/"
        deletion = (client_for(vendor), "delete", url, None, "json")
        start = iso(tomorrow_at(f"{9 + round_number:02d}:00"))
        body = {"service": barber.pk, "start": start, "service_item": item.pk}
        bookings = [
            (client_for(StudentFactory()), "post", BOOKINGS_URL, body, "json") for _ in range(4)
        ]

        results = race([deletion, *bookings])

        assert results[0][0] == 204
        made = [body for code, body in results[1:] if code == 201]
        assert sorted(code for code, _ in results[1:]) == sorted(
            [201] * len(made) + [400] * (4 - len(made))
        )
        if made:  # a booking got in first: the item is kept, deactivated
            assert ServiceItem.objects.filter(pk=item.pk, is_active=False).exists()
        else:
            assert not ServiceItem.objects.filter(pk=item.pk).exists()
