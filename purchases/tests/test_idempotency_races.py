"""Real parallel retries on PostgreSQL, each on its own connection: the key's
unique constraint lets exactly one request of each key create a purchase,
for orders and bookings alike."""

import pytest

from bookings.models import Booking, BookingEvent
from conftest import client_for
from orders.models import Order, OrderEvent
from purchases.models import IdempotencyKey
from schedule.models import SlotUsage
from tests.races import race

from .helpers import URLS

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 8
STORED = {
    "order": lambda: (Order.objects.count(), OrderEvent.objects.count()),
    "booking": lambda: (Booking.objects.count(), BookingEvent.objects.count()),
}
SCOPES = list(STORED)


def retries(student, scope, body, key):
    """``THREADS`` POSTs of ``body`` with ``key``, each from its own client."""
    requests = []
    for _ in range(THREADS):
        client = client_for(student)
        client.defaults["HTTP_IDEMPOTENCY_KEY"] = key  # sent with every request
        requests.append((client, "post", URLS[scope], body, "json"))
    return requests


@pytest.mark.parametrize("scope", SCOPES)
def test_parallel_retries_of_one_key_store_one_purchase(student, bodies, scope):
    results = race(retries(student, scope, bodies[scope](), "double-tap"))

    # The contract allows no 409 here: a retry waits for the first
    # transaction's commit and replays it.
    assert sorted(code for code, _ in results) == [200] * (THREADS - 1) + [201], results
    assert len({body["id"] for _, body in results}) == 1
    assert STORED[scope]() == (1, 1)
    assert IdempotencyKey.objects.get().purchase_id == results[0][1]["id"]
    if scope == "booking":
        assert SlotUsage.objects.get().taken == 1


@pytest.mark.parametrize("scope", SCOPES)
def test_parallel_retries_with_another_body_are_422_and_store_nothing(student, bodies, scope):
    first = client_for(student).post(
        URLS[scope], bodies[scope](1), format="json", HTTP_IDEMPOTENCY_KEY="double-tap"
    )
    assert first.status_code == 201

    results = race(retries(student, scope, bodies[scope](2), "double-tap"))

    assert [code for code, _ in results] == [422] * THREADS, results
    assert STORED[scope]() == (1, 1)
    assert IdempotencyKey.objects.get().purchase_id == first.json()["id"]


@pytest.mark.parametrize("scope", SCOPES)
def test_two_bodies_racing_for_one_key_store_one_purchase(student, bodies, scope):
    """Whichever body's insert wins, the others of its body replay it and
    every request of the other body is a 422."""
    half = THREADS // 2
    requests = retries(student, scope, bodies[scope](1), "tap")[:half]
    requests += retries(student, scope, bodies[scope](2), "tap")[:half]

    results = race(requests)

    by_body = [
        sorted(code for code, _ in results[:half]),
        sorted(code for code, _ in results[half:]),
    ]
    winner = [200] * (half - 1) + [201]
    assert sorted(by_body) == sorted([winner, [422] * half]), results
    assert len({body["id"] for code, body in results if code != 422}) == 1
    assert STORED[scope]() == (1, 1)
    assert IdempotencyKey.objects.count() == 1
