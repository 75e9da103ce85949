"""Racing requests on PostgreSQL: an admin's operator cancel against
placements of the same pickup slot (orders) and bookings of the same seat,
all through the core's one lock order. Never a deadlock or a 5xx, and the
slot counters and stock agree with what is left afterwards."""

from datetime import datetime, time
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from bookings.models import Booking
from bookings.tests.helpers import BOOKINGS_URL, iso, tomorrow_at
from catalogue.models import ServiceItem
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory
from conftest import client_for
from orders.models import Order
from schedule.models import SlotUsage, WeeklyPeriod
from tests.races import race
from users.tests.factories import StudentFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS = 20
NEWCOMERS = 3
AMS = ZoneInfo("Europe/Amsterdam")
NOON = datetime(2026, 6, 1, 12, 0, tzinfo=AMS)  # a Monday
PICKUP = "2026-06-01T13:00:00+02:00"
STOCK = 100


def cancel(admin_client, noun: str, purchase_id: int):
    url = f"/api/{noun}s/{purchase_id}/operator_cancel/"
    return (admin_client, "post", url, {"reason": "Closed for the afternoon"}, "json")


def _next_held(results, newcomers, place):
    """The newcomer who got the freed place, or one placed now if none did."""
    made = [
        (client, body) for client, (code, body) in zip(newcomers, results) if code in (200, 201)
    ]
    assert len(made) <= 1, results
    if made:
        return made[0][1]["id"]
    response = place(client_for(StudentFactory()))
    assert response.status_code == 201, response.json()
    return response.json()["id"]


def test_operator_cancels_racing_placements_of_one_pickup_slot(
    settings, monkeypatch, vendor, admin_client
):
    settings.TIME_ZONE = "Europe/Amsterdam"
    monkeypatch.setattr("schedule.clock.now", lambda: NOON)
    service = ServiceFactory(vendor=vendor, orders_per_slot=1)
    WeeklyPeriod.objects.create(service=service, weekday=0, opens=time(11), closes=time(14))
    burger = ServiceItemFactory(service=service, name="Burger", price=Decimal("6.50"), stock=STOCK)
    body = {
        "service": service.pk,
        "items": [{"service_item": burger.pk, "quantity": 2}],
        "pickup_at": PICKUP,
    }

    def place(client):
        return client.post("/api/orders/", body, format="json")

    held = _next_held([], [], place)
    for _ in range(ROUNDS):
        newcomers = [client_for(StudentFactory()) for _ in range(NEWCOMERS)]
        placements = [(client, "post", "/api/orders/", body, "json") for client in newcomers]

        results = race([cancel(admin_client, "order", held), *placements])

        assert results[0][0] == 200, results[0]
        assert sorted(code for code, _ in results[1:]) in (
            [400] * NEWCOMERS,
            [201] + [400] * (NEWCOMERS - 1),
        ), results
        held = _next_held(results[1:], newcomers, place)
    live = Order.objects.exclude(order_status="cancelled")
    assert live.count() == 1
    assert SlotUsage.objects.get(service=service).taken == 1
    assert ServiceItem.objects.get(pk=burger.pk).stock == STOCK - 2


def test_operator_cancels_racing_bookings_of_one_seat(barber, admin_client):
    body = {"service": barber.pk, "start": iso(tomorrow_at("10:00"))}

    def book(client):
        return client.post(BOOKINGS_URL, body, format="json")

    held = _next_held([], [], book)
    for _ in range(ROUNDS):
        newcomers = [client_for(StudentFactory()) for _ in range(NEWCOMERS)]
        bookings = [(client, "post", BOOKINGS_URL, body, "json") for client in newcomers]

        results = race([cancel(admin_client, "booking", held), *bookings])

        assert results[0][0] == 200, results[0]
        assert sorted(code for code, _ in results[1:]) in (
            [400] * NEWCOMERS,
            [201] + [400] * (NEWCOMERS - 1),
        ), results
        held = _next_held(results[1:], newcomers, book)
    confirmed = Booking.objects.filter(booking_status="confirmed").count()
    assert confirmed == 1
    assert SlotUsage.objects.get(service=barber).taken == 1
