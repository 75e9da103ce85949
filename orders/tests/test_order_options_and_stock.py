"""Order lines with options and counted items: prices, snapshots, the rules
of each group, stock taken at placement and given back by every cancel."""

from decimal import Decimal

import pytest

from catalogue.models import Option, OptionGroup, ServiceItem
from conftest import client_for
from orders.kind import ORDER
from orders.models import OrderItem
from purchases.services import operator_cancel
from users.tests.factories import StudentFactory

from .helpers import ORDERS_URL, assert_nothing_stored, order_url, status_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def latte(menu):
    """The burger as a drink with a required Size and optional Extras."""
    _service, burger, _fries = menu
    size = OptionGroup.objects.create(item=burger, name="Size", min_choices=1, max_choices=1)
    small = Option.objects.create(group=size, name="Small", position=0)
    large = Option.objects.create(group=size, name="Large", price_delta="0.80", position=1)
    extras = OptionGroup.objects.create(
        item=burger, name="Extras", min_choices=0, max_choices=2, position=1
    )
    oat = Option.objects.create(group=extras, name="Oat milk", price_delta="0.40", position=0)
    shot = Option.objects.create(group=extras, name="Extra shot", price_delta="0.60", position=1)
    gone = Option.objects.create(group=extras, name="Syrup", is_available=False, position=2)
    return burger, {"small": small, "large": large, "oat": oat, "shot": shot, "gone": gone}


def order(client, service, *lines, **headers):
    body = {
        "service": service.pk,
        "items": [
            {"service_item": item.pk, "quantity": quantity, "options": [o.pk for o in chosen]}
            for item, quantity, chosen in lines
        ],
    }
    return client.post(ORDERS_URL, body, format="json", **headers)


def test_a_line_costs_the_item_plus_its_options_and_keeps_a_snapshot(student_client, menu, latte):
    service = menu[0]
    burger, opts = latte

    response = order(student_client, service, (burger, 2, [opts["large"], opts["oat"]]))

    assert response.status_code == 201, response.json()
    (line,) = response.json()["items"]
    assert line["unit_price"] == "7.70"  # 6.50 + 0.80 + 0.40
    assert line["total_price"] == "15.40"
    assert response.json()["total_amount"] == "15.40"
    assert line["item_name"] == "Burger"
    assert line["options"] == [
        {"group": "Size", "name": "Large", "price_delta": "0.80"},
        {"group": "Extras", "name": "Oat milk", "price_delta": "0.40"},
    ]

    # Renames, price changes and deletions never change the placed order.
    burger.name, burger.price = "Mega burger", Decimal("9.99")
    burger.save()
    opts["large"].group.delete()
    stored = student_client.get(order_url(response.json()["id"])).json()
    assert stored["items"] == response.json()["items"]
    assert stored["total_amount"] == "15.40"


def test_the_same_item_with_other_options_makes_separate_lines(student_client, menu, latte):
    service = menu[0]
    burger, opts = latte

    response = order(
        student_client,
        service,
        (burger, 1, [opts["small"]]),
        (burger, 2, [opts["large"], opts["shot"]]),
    )

    assert response.status_code == 201, response.json()
    lines = response.json()["items"]
    assert sorted((line["quantity"], line["unit_price"]) for line in lines) == [
        (1, "6.50"),
        (2, "7.90"),
    ]
    assert response.json()["total_amount"] == "22.30"


def test_the_same_item_with_the_same_options_twice_is_merged(student_client, menu, latte):
    service = menu[0]
    burger, opts = latte

    response = order(
        student_client,
        service,
        (burger, 1, [opts["large"], opts["oat"]]),
        (burger, 2, [opts["oat"], opts["large"]]),
    )

    assert response.status_code == 201, response.json()
    (line,) = response.json()["items"]
    assert line["quantity"] == 3
    assert response.json()["total_amount"] == "23.10"


@pytest.mark.parametrize(
    ("chosen", "words"),
    [
        ([], "Size"),  # a required group is never filled in
        (["small", "large"], "Size"),
        (["small", "oat", "shot", "gone"], "Extras"),
        (["small", "gone"], "not available"),
        (["small", "small"], "more than once"),
    ],
)
def test_options_breaking_a_group_rule_are_refused(student_client, menu, latte, chosen, words):
    service = menu[0]
    burger, opts = latte

    response = order(student_client, service, (burger, 1, [opts[name] for name in chosen]))

    assert response.status_code == 400
    message = response.json()["items"][0]
    assert "Burger" in message
    assert words in message
    assert_nothing_stored()


def test_an_option_of_another_item_is_refused(student_client, menu, latte):
    service, _burger, fries = menu
    _burger, opts = latte

    response = order(student_client, service, (fries, 1, [opts["small"]]))

    assert response.status_code == 400
    assert "Fries" in response.json()["items"][0]
    assert_nothing_stored()


def test_a_retry_with_other_options_is_a_different_request(student_client, menu, latte):
    service = menu[0]
    burger, opts = latte
    key = {"HTTP_IDEMPOTENCY_KEY": "latte-1"}

    first = order(student_client, service, (burger, 1, [opts["small"]]), **key)
    same = order(student_client, service, (burger, 1, [opts["small"]]), **key)
    other = order(student_client, service, (burger, 1, [opts["large"]]), **key)

    assert first.status_code == 201
    assert same.status_code == 200
    assert same.json()["id"] == first.json()["id"]
    assert other.status_code == 422
    assert OrderItem.objects.count() == 1


@pytest.fixture
def counted(menu):
    service, burger, fries = menu
    burger.stock, fries.stock = 5, 2
    burger.save()
    fries.save()
    return service, burger, fries


def stock_of(item):
    return ServiceItem.objects.get(pk=item.pk).stock


def test_placing_takes_each_lines_quantity_from_the_stock(student_client, counted):
    service, burger, fries = counted

    response = order(student_client, service, (burger, 3, []), (fries, 2, []))

    assert response.status_code == 201
    assert (stock_of(burger), stock_of(fries)) == (2, 0)


def test_too_few_left_is_refused_naming_the_item_and_nothing_is_taken(student_client, counted):
    service, burger, fries = counted

    response = order(student_client, service, (burger, 3, []), (fries, 3, []))

    assert response.status_code == 400
    assert response.json() == {"items": [f"Item {fries.pk} (Fries): only 2 left."]}
    assert (stock_of(burger), stock_of(fries)) == (5, 2)
    assert_nothing_stored()


def test_an_item_with_stock_zero_cannot_be_ordered_and_stays_available(
    student_client, api, counted
):
    service, burger, _fries = counted
    burger.stock = 0
    burger.save()

    response = order(student_client, service, (burger, 1, []))

    assert response.status_code == 400
    assert "sold out" in response.json()["items"][0]
    item = api.get(f"/api/services/{service.pk}/items/{burger.pk}/").json()
    assert (item["stock"], item["is_available"]) == (0, True)


def test_lines_of_one_item_with_different_options_take_from_one_count(
    student_client, counted, latte
):
    service, burger, _fries = counted
    _burger, opts = latte

    refused = order(
        student_client, service, (burger, 3, [opts["small"]]), (burger, 3, [opts["large"]])
    )
    placed = order(
        student_client, service, (burger, 2, [opts["small"]]), (burger, 3, [opts["large"]])
    )

    assert refused.status_code == 400
    assert placed.status_code == 201
    assert stock_of(burger) == 0


def test_an_uncounted_item_is_never_counted(student_client, menu):
    service, burger, _fries = menu

    assert order(student_client, service, (burger, 100, [])).status_code == 201
    assert stock_of(burger) is None


def placed_order(counted, client):
    service, burger, fries = counted
    response = order(client, service, (burger, 3, []), (fries, 1, []))
    assert response.status_code == 201
    assert (stock_of(burger), stock_of(fries)) == (2, 1)
    return response.json()["id"]


def test_the_customer_cancelling_gives_the_stock_back(student_client, counted):
    order_id = placed_order(counted, student_client)

    response = student_client.post(status_url(order_id), {"order_status": "cancelled"})

    assert response.status_code == 200
    assert (stock_of(counted[1]), stock_of(counted[2])) == (5, 2)


def test_the_vendor_cancelling_gives_the_stock_back(student_client, vendor_client, counted):
    order_id = placed_order(counted, student_client)
    vendor_client.post(status_url(order_id), {"order_status": "confirmed"})

    response = vendor_client.patch(order_url(order_id), {"order_status": "cancelled"})

    assert response.status_code == 200
    assert (stock_of(counted[1]), stock_of(counted[2])) == (5, 2)


def test_an_operator_cancelling_gives_the_stock_back(student_client, admin_user, counted):
    order_id = placed_order(counted, student_client)

    operator_cancel(ORDER, order_id, actor=admin_user, reason="Kitchen fire")

    assert (stock_of(counted[1]), stock_of(counted[2])) == (5, 2)


def test_cancelling_gives_nothing_to_a_count_set_after_the_order(student_client, menu):
    service, burger, _fries = menu
    order_id = order(student_client, service, (burger, 2, [])).json()["id"]
    burger.stock = 4
    burger.save()

    student_client.post(status_url(order_id), {"order_status": "cancelled"})

    assert stock_of(burger) == 4


def test_a_refused_cancel_gives_nothing_back(counted):
    student = StudentFactory()
    order_id = placed_order(counted, client_for(student))
    other = client_for(StudentFactory())

    assert other.post(status_url(order_id), {"order_status": "cancelled"}).status_code == 404
    assert stock_of(counted[1]) == 2
