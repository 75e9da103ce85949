"""Racing requests on PostgreSQL against counted items, option writes and
cancellations: the item row lock and the one lock order (catalogue.locks)
keep every count right and every answer a 2xx or 4xx."""

from datetime import time

import pytest

from catalogue.models import Option, OptionGroup, ServiceItem
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory
from conftest import client_for
from orders.models import Order, OrderItem
from schedule.models import SlotUsage, WeeklyPeriod
from tests.races import race
from users.tests.factories import StudentFactory

from .helpers import ORDERS_URL, status_url
from .test_pickup_concurrency import PICKUP, amsterdam  # noqa: F401 (a fixture)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def buy(item, quantity=1, options=(), **extra):
    return {
        "service": item.service_id,
        "items": [{"service_item": item.pk, "quantity": quantity, "options": list(options)}],
        **extra,
    }


def buyers(count, body):
    return [(client_for(StudentFactory()), "post", ORDERS_URL, body, "json") for _ in range(count)]


def test_thirty_students_racing_for_the_last_three_units_get_exactly_three(vendor):
    item = ServiceItemFactory(service=ServiceFactory(vendor=vendor), stock=3)

    results = race(buyers(30, buy(item)))

    assert sorted(code for code, _ in results) == [201] * 3 + [400] * 27
    assert ServiceItem.objects.get(pk=item.pk).stock == 0
    assert OrderItem.objects.filter(service_item=item).count() == 3
    refusals = [body["items"][0] for code, body in results if code == 400]
    assert all("sold out" in text or "only" in text for text in refusals)


def test_a_vendor_setting_the_count_while_orders_race_never_goes_below_zero(vendor):
    for _ in range(5):
        item = ServiceItemFactory(service=ServiceFactory(vendor=vendor), stock=2)
        url = f"/api/services/{item.service_id}/items/{item.pk}/"
        restock = (client_for(vendor), "patch", url, {"stock": 5}, "json")

        results = race([restock, *buyers(10, buy(item))])

        assert results[0][0] == 200
        codes = sorted(code for code, _ in results[1:])
        sold = codes.count(201)
        assert codes == [201] * sold + [400] * (10 - sold)
        left = ServiceItem.objects.get(pk=item.pk).stock
        # At most the 2 units before the restock were sold before it; every
        # sale after it came out of the 5.
        assert 0 <= left <= 5
        assert 5 - sold <= left <= 5 - sold + 2
        assert sold <= 7


def test_orders_racing_the_deletion_of_their_option_group_get_a_4xx_or_a_snapshot(vendor):
    for _ in range(5):
        item = ServiceItemFactory(service=ServiceFactory(vendor=vendor))
        group = OptionGroup.objects.create(item=item, name="Size", min_choices=1, max_choices=1)
        large = Option.objects.create(group=group, name="Large", price_delta="1.00")
        url = f"/api/services/{item.service_id}/items/{item.pk}/option-groups/{group.pk}/"
        deletion = (client_for(vendor), "delete", url, None, "json")

        results = race([deletion, *buyers(4, buy(item, options=[large.pk]))])

        assert results[0][0] == 204
        for code, body in results[1:]:
            assert code in (201, 400), body
            if code == 201:
                (line,) = body["items"]
                chosen = {"group": "Size", "name": "Large", "price_delta": "1.00"}
                assert line["options"] == [chosen]
                assert line["unit_price"] == str(item.price + 1)


ROUNDS = 20
PAIRS = 6


def test_cancels_racing_placements_of_one_pickup_slot_never_deadlock(amsterdam, vendor):  # noqa: F811
    service = ServiceFactory(vendor=vendor, orders_per_slot=500)
    WeeklyPeriod.objects.create(service=service, weekday=0, opens=time(11), closes=time(14))
    item = ServiceItemFactory(service=service, stock=1000)
    body = buy(item, pickup_at=PICKUP)
    for _ in range(ROUNDS):
        placed = []
        for _ in range(PAIRS):
            client = client_for(StudentFactory())
            response = client.post(ORDERS_URL, body, format="json")
            assert response.status_code == 201, response.json()
            placed.append((client, response.json()["id"]))
        cancels = [
            (client, "post", status_url(order_id), {"order_status": "cancelled"}, "json")
            for client, order_id in placed
        ]

        results = race([*cancels, *buyers(PAIRS, body)])

        assert [code for code, _ in results] == [200] * PAIRS + [201] * PAIRS, results
    live = Order.objects.exclude(order_status="cancelled").count()
    assert SlotUsage.objects.get(service=service).taken == live
    assert ServiceItem.objects.get(pk=item.pk).stock == 1000 - live
