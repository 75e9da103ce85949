"""Racing requests on PostgreSQL: the unique key and the row lock each let
exactly one request win."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from conftest import client_for
from orders.models import Order, OrderEvent, OrderItem
from purchases.models import IdempotencyKey

from .helpers import ORDERS_URL, status_url

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 12


def race(requests):
    """Run each ``(client, method, url, data, headers)`` at the same moment."""
    barrier = threading.Barrier(len(requests), timeout=60)

    def run(client, method, url, data, headers):
        try:
            barrier.wait()
            response = getattr(client, method)(url, data, format="json", **headers)
            return response.status_code, response.json()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(lambda args: run(*args), requests))


def test_concurrent_identical_idempotent_requests_place_one_order(student, menu):
    service, burger, fries = menu
    body = {
        "service": service.pk,
        "items": [
            {"service_item": burger.pk, "quantity": 2},
            {"service_item": fries.pk, "quantity": 1},
        ],
    }
    headers = {"HTTP_IDEMPOTENCY_KEY": "double-click"}
    clients = [client_for(student) for _ in range(THREADS)]

    results = race([(c, "post", ORDERS_URL, body, headers) for c in clients])

    statuses = sorted(code for code, _ in results)
    assert statuses == [200] * (THREADS - 1) + [201]
    assert len({body["id"] for _, body in results}) == 1
    assert Order.objects.count() == 1
    assert OrderItem.objects.count() == 2
    assert OrderEvent.objects.count() == 1
    assert IdempotencyKey.objects.get().purchase_id == results[0][1]["id"]


def test_concurrent_conflicting_transitions_apply_exactly_one(student, vendor, place):
    order_id = place()["id"]
    vendor_clients = [client_for(vendor) for _ in range(THREADS // 2)]
    student_clients = [client_for(student) for _ in range(THREADS // 2)]
    url = status_url(order_id)
    requests = [(c, "post", url, {"order_status": "confirmed"}, {}) for c in vendor_clients] + [
        (c, "post", url, {"order_status": "cancelled"}, {}) for c in student_clients
    ]

    results = race(requests)

    winners = [body for code, body in results if code == 200]
    assert len(winners) == 1
    assert sorted(code for code, _ in results) == [200] + [400] * (THREADS - 1)
    final = winners[0]["order_status"]
    assert Order.objects.get().order_status == final
    assert list(OrderEvent.objects.values_list("from_status", "to_status")) == [
        ("", "pending"),
        ("pending", final),
    ]
