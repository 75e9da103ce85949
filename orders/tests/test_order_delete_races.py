"""Orders racing the deletion of their service or of one of their items, on
PostgreSQL with real parallel requests: every request answers 2xx or 400,
and nothing is left half-written, whoever wins."""

import pytest

from catalogue.models import Service, ServiceItem
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory
from conftest import client_for
from orders.models import Order, OrderItem
from tests.races import race
from users.tests.factories import StudentFactory

from .helpers import ORDERS_URL

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS = 5
BUYERS = 4


def order_requests(service, items):
    body = {
        "service": service.pk,
        "items": [{"service_item": item.pk, "quantity": 1} for item in items],
    }
    return [(client_for(StudentFactory()), "post", ORDERS_URL, body, "json") for _ in range(BUYERS)]


def assert_orders_whole(results, service_id):
    """Each 201 is a complete order with its lines; each 400 left nothing."""
    placed = [body["id"] for code, body in results if code == 201]
    assert sorted(code for code, _ in results) == sorted(
        [201] * len(placed) + [400] * (len(results) - len(placed))
    )
    assert sorted(Order.objects.filter(service_id=service_id).values_list("id", flat=True)) == (
        sorted(placed)
    )
    for order in Order.objects.filter(service_id=service_id):
        assert order.items.count() >= 1
        assert order.total_amount == sum(line.total_price for line in order.items.all())
    return placed


def test_orders_racing_the_deletion_of_their_service(vendor):
    for _ in range(ROUNDS):
        service = ServiceFactory(vendor=vendor)
        item = ServiceItemFactory(service=service)
        deletion = (client_for(vendor), "delete", f"/api/services/{service.pk}/", None, "json")

        results = race([deletion, *order_requests(service, [item])])

        assert results[0][0] == 204
        placed = assert_orders_whole(results[1:], service.pk)
        if placed:  # an order got in first: the service is kept, deactivated
            assert Service.objects.filter(pk=service.pk, is_active=False).exists()
        else:
            assert not Service.objects.filter(pk=service.pk).exists()


def test_orders_racing_the_deletion_of_one_of_their_items(vendor):
    for _ in range(ROUNDS):
        service = ServiceFactory(vendor=vendor)
        doomed, kept = ServiceItemFactory(service=service), ServiceItemFactory(service=service)
        url = f"/api/services/{service.pk}/items/{doomed.pk}/"
        deletion = (client_for(vendor), "delete", url, None, "json")

        results = race([deletion, *order_requests(service, [doomed, kept])])

        assert results[0][0] == 204
        placed = assert_orders_whole(results[1:], service.pk)
        assert OrderItem.objects.filter(order_id__in=placed).count() == 2 * len(placed)
        if placed:
            assert ServiceItem.objects.filter(pk=doomed.pk, is_active=False).exists()
        else:
            assert not ServiceItem.objects.filter(pk=doomed.pk).exists()


def test_two_deletions_of_one_service_answer_204_and_404(vendor):
    service = ServiceFactory(vendor=vendor)
    url = f"/api/services/{service.pk}/"

    results = race([(client_for(vendor), "delete", url, None, "json") for _ in range(2)])

    assert sorted(code for code, _ in results) == [204, 404]
    assert not Service.objects.filter(pk=service.pk).exists()
