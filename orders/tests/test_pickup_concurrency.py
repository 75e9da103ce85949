"""Racing students on PostgreSQL: a pickup slot's cap holds because the
database decides who takes the last places."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection, transaction

from catalogue.tests.factories import ServiceFactory
from conftest import client_for
from orders.models import Order
from schedule.models import SlotUsage, WeeklyPeriod
from schedule.services import SlotFull, take_place
from users.tests.factories import StudentFactory

from .helpers import ORDERS_URL, status_url
from .test_order_concurrency import race

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

AMS = ZoneInfo("Europe/Amsterdam")
NOON = datetime(2026, 6, 1, 12, 0, tzinfo=AMS)
PICKUP = "2026-06-01T13:00:00+02:00"
RACERS = 20


@pytest.fixture
def amsterdam(settings, monkeypatch):
    settings.TIME_ZONE = "Europe/Amsterdam"
    monkeypatch.setattr("schedule.clock.now", lambda: NOON)


def test_twenty_students_racing_for_the_last_three_places_get_exactly_three(amsterdam, menu):
    service, burger, _fries = menu
    service.orders_per_slot = 5
    service.save()
    WeeklyPeriod.objects.create(service=service, weekday=0, opens=time(11), closes=time(14))
    body = {
        "service": service.pk,
        "items": [{"service_item": burger.pk, "quantity": 1}],
        "pickup_at": PICKUP,
    }
    early = [client_for(StudentFactory()) for _ in range(2)]
    for client in early:
        assert client.post(ORDERS_URL, body, format="json").status_code == 201

    clients = [client_for(StudentFactory()) for _ in range(RACERS)]
    results = race([(client, "post", ORDERS_URL, body, {}) for client in clients])

    assert sorted(code for code, _ in results) == [201] * 3 + [400] * (RACERS - 3)
    refusals = [body for code, body in results if code == 400]
    assert all("full" in refusal["pickup_at"][0] for refusal in refusals)
    assert Order.objects.count() == 5
    assert SlotUsage.objects.get().taken == 5

    # Cancelling frees a place for the next student.
    winner = next(body for code, body in results if code == 201)
    winner_client = clients[[body for _, body in results].index(winner)]
    cancel = winner_client.post(status_url(winner["id"]), {"order_status": "cancelled"})
    assert cancel.status_code == 200
    assert client_for(StudentFactory()).post(ORDERS_URL, body, format="json").status_code == 201
    assert Order.objects.exclude(order_status="cancelled").count() == 5


def test_the_counter_alone_holds_the_cap_without_any_other_lock():
    """Bookings take places without locking the service row: the conditional
    UPDATE must hold the cap by itself."""
    service = ServiceFactory()
    start = datetime(2026, 6, 1, 11, tzinfo=UTC)
    barrier = threading.Barrier(RACERS, timeout=60)

    def take():
        try:
            barrier.wait()
            with transaction.atomic():
                take_place(
                    service_id=service.pk,
                    start=start,
                    end=start + timedelta(minutes=15),
                    capacity=3,
                )
            return True
        except SlotFull:
            return False
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=RACERS) as pool:
        outcomes = list(pool.map(lambda _: take(), range(RACERS)))

    assert outcomes.count(True) == 3
    assert SlotUsage.objects.get().taken == 3
