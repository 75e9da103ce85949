from decimal import Decimal

import pytest

from catalogue.models import ServiceType
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory
from conftest import client_for
from orders.models import Order, OrderEvent, OrderItem
from users.tests.factories import StudentFactory

from .helpers import ORDERS_URL, order_url

pytestmark = pytest.mark.django_db


def assert_nothing_stored():
    assert Order.objects.count() == 0
    assert OrderItem.objects.count() == 0
    assert OrderEvent.objects.count() == 0


def test_student_places_order_with_totals_computed_from_database_prices(
    student, student_client, menu
):
    service, burger, fries = menu

    response = student_client.post(
        ORDERS_URL,
        {
            "service": service.pk,
            "items": [
                {"service_item": burger.pk, "quantity": 2},
                {"service_item": fries.pk, "quantity": 3},
            ],
            "special_instructions": "No onions",
            "delivery_address": "Hall B, room 12",
        },
        format="json",
    )

    assert response.status_code == 201
    body = response.json()
    assert body["customer"] == student.pk
    assert body["customer_email"] == student.email
    assert body["service"] == service.pk
    assert body["service_name"] == service.service_name
    assert body["order_status"] == "pending"
    assert body["total_amount"] == "19.75"
    assert body["special_instructions"] == "No onions"
    assert body["delivery_address"] == "Hall B, room 12"
    lines = {line["service_item"]: line for line in body["items"]}
    assert lines[burger.pk]["unit_price"] == "6.50"
    assert lines[burger.pk]["total_price"] == "13.00"
    assert lines[burger.pk]["service_item_name"] == "Burger"
    assert lines[fries.pk]["total_price"] == "6.75"
    assert body["status_history"] == [
        {
            "from_status": "",
            "to_status": "pending",
            "changed_by": student.pk,
            "changed_by_name": student.get_full_name(),
            "created_at": body["status_history"][0]["created_at"],
        }
    ]
    order = Order.objects.get()
    assert order.customer == student
    assert order.total_amount == Decimal("19.75")
    assert order.items.count() == 2


def test_prices_totals_customer_and_status_sent_by_the_client_are_ignored(
    student, student_client, menu
):
    service, burger, _ = menu
    other_student = StudentFactory()

    response = student_client.post(
        ORDERS_URL,
        {
            "service": service.pk,
            "items": [
                {"service_item": burger.pk, "quantity": 1, "unit_price": "0.01", "total_price": 0}
            ],
            "total_amount": "0.01",
            "customer": other_student.pk,
            "order_status": "completed",
        },
        format="json",
    )

    assert response.status_code == 201
    order = Order.objects.get()
    assert order.total_amount == Decimal("6.50")
    assert order.customer == student
    assert order.order_status == "pending"
    assert order.items.get().unit_price == Decimal("6.50")


def test_the_same_item_listed_twice_is_merged_into_one_line(student_client, menu):
    service, burger, _ = menu

    response = student_client.post(
        ORDERS_URL,
        {
            "service": service.pk,
            "items": [
                {"service_item": burger.pk, "quantity": 2},
                {"service_item": burger.pk, "quantity": 3},
            ],
        },
        format="json",
    )

    assert response.status_code == 201
    assert len(response.json()["items"]) == 1
    assert response.json()["items"][0]["quantity"] == 5
    assert response.json()["total_amount"] == "32.50"


def test_merged_quantity_above_100_is_refused(student_client, menu):
    service, burger, _ = menu

    response = student_client.post(
        ORDERS_URL,
        {
            "service": service.pk,
            "items": [
                {"service_item": burger.pk, "quantity": 60},
                {"service_item": burger.pk, "quantity": 41},
            ],
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {
        "items": [f"Item {burger.pk} is ordered 101 times in total; the most per item is 100."]
    }
    assert_nothing_stored()


def test_a_later_price_change_leaves_placed_orders_untouched(student_client, menu, place):
    _, burger, _ = menu
    placed = place()

    burger.price = Decimal("99.00")
    burger.save()

    response = student_client.get(order_url(placed["id"]))
    assert response.json()["total_amount"] == placed["total_amount"] == "15.25"
    assert response.json()["items"] == placed["items"]
    assert OrderItem.objects.get(service_item=burger).unit_price == Decimal("6.50")


def test_optional_text_may_be_null_or_missing(student_client, menu):
    service, burger, _ = menu

    response = student_client.post(
        ORDERS_URL,
        {
            "service": service.pk,
            "items": [{"service_item": burger.pk, "quantity": 1}],
            "special_instructions": None,
        },
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["special_instructions"] == ""
    assert response.json()["delivery_address"] == ""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"is_available": False}, "This service is not accepting orders right now."),
        ({"is_active": False}, "This service has been removed and takes no orders."),
        (
            {"service_type": ServiceType.BOOKING},
            "This service does not take orders (type 'booking').",
        ),
        (
            {"service_type": ServiceType.WALK_IN},
            "This service does not take orders (type 'walk_in').",
        ),
    ],
)
def test_order_for_a_service_that_takes_no_orders_is_refused(student_client, menu, change, message):
    service, burger, _ = menu
    for field, value in change.items():
        setattr(service, field, value)
    service.save()

    response = student_client.post(
        ORDERS_URL,
        {"service": service.pk, "items": [{"service_item": burger.pk, "quantity": 1}]},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"service": [message]}
    assert_nothing_stored()


def test_order_for_a_deactivated_vendors_service_is_refused(student_client, menu, vendor):
    service, burger, _ = menu
    vendor.is_active = False
    vendor.save()

    response = student_client.post(
        ORDERS_URL,
        {"service": service.pk, "items": [{"service_item": burger.pk, "quantity": 1}]},
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {
        "service": ["This service's vendor is not accepting orders right now."]
    }
    assert_nothing_stored()


def test_item_of_another_service_is_refused(student_client, menu):
    service, burger, _ = menu
    foreign = ServiceItemFactory(service=ServiceFactory())

    response = student_client.post(
        ORDERS_URL,
        {
            "service": service.pk,
            "items": [
                {"service_item": burger.pk, "quantity": 1},
                {"service_item": foreign.pk, "quantity": 1},
            ],
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"items": [f"Item {foreign.pk} does not belong to this service."]}
    assert_nothing_stored()


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"is_available": False}, "(Fries) is not available right now."),
        ({"is_active": False}, "is no longer offered."),
    ],
)
def test_unavailable_or_deleted_item_is_refused(student_client, menu, change, reason):
    service, burger, fries = menu
    for field, value in change.items():
        setattr(fries, field, value)
    fries.save()

    response = student_client.post(
        ORDERS_URL,
        {
            "service": service.pk,
            "items": [
                {"service_item": burger.pk, "quantity": 1},
                {"service_item": fries.pk, "quantity": 1},
            ],
        },
        format="json",
    )

    assert response.status_code == 400
    assert response.json() == {"items": [f"Item {fries.pk} {reason}"]}
    assert_nothing_stored()


@pytest.mark.parametrize("quantity", [0, -1, 101, 1.5, "many", None, True, 10**40])
def test_quantity_outside_1_to_100_or_not_an_integer_is_refused(student_client, menu, quantity):
    service, burger, _ = menu

    response = student_client.post(
        ORDERS_URL,
        {"service": service.pk, "items": [{"service_item": burger.pk, "quantity": quantity}]},
        format="json",
    )

    assert response.status_code == 400
    assert "quantity" in response.json()["items"]["0"]
    assert_nothing_stored()


def test_order_without_items_is_refused(student_client, menu):
    service, _, _ = menu

    response = student_client.post(ORDERS_URL, {"service": service.pk, "items": []}, format="json")

    assert response.status_code == 400
    assert response.json() == {"items": {"non_field_errors": ["An order needs at least one item."]}}
    assert_nothing_stored()


def test_order_with_more_than_50_lines_is_refused(student_client, menu):
    service, burger, _ = menu
    lines = [{"service_item": burger.pk, "quantity": 1}] * 51

    response = student_client.post(
        ORDERS_URL, {"service": service.pk, "items": lines}, format="json"
    )

    assert response.status_code == 400
    assert response.json() == {
        "items": {"non_field_errors": ["An order may have at most 50 lines."]}
    }
    assert_nothing_stored()


def test_order_with_50_different_items_is_accepted(student_client, menu):
    service, _, _ = menu
    items = ServiceItemFactory.create_batch(50, service=service, price=Decimal("1.10"))

    response = student_client.post(
        ORDERS_URL,
        {
            "service": service.pk,
            "items": [{"service_item": item.pk, "quantity": 100} for item in items],
        },
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["total_amount"] == "5500.00"


@pytest.mark.parametrize(
    "service_id", [None, 0, 999999, True, "abc", "1e400", 10**30, [1], {"id": 1}]
)
def test_missing_or_nonsensical_service_is_refused(student_client, menu, service_id):
    _, burger, _ = menu

    response = student_client.post(
        ORDERS_URL,
        {"service": service_id, "items": [{"service_item": burger.pk, "quantity": 1}]},
        format="json",
    )

    assert response.status_code == 400
    assert "service" in response.json()
    assert_nothing_stored()


@pytest.mark.parametrize(
    "items",
    [
        "burger",
        {"service_item": 1, "quantity": 1},
        [42],
        [{"quantity": 1}],
        [{"service_item": "1" * 40, "quantity": 1}],
    ],
)
def test_malformed_items_are_refused(student_client, menu, items):
    service, _, _ = menu

    response = student_client.post(
        ORDERS_URL, {"service": service.pk, "items": items}, format="json"
    )

    assert response.status_code == 400
    assert "items" in response.json()
    assert_nothing_stored()


@pytest.mark.parametrize(
    "raw",
    [
        '{"service": 1e400, "items": [{"service_item": ITEM, "quantity": 1}]}',
        '{"service": SERVICE, "items": [{"service_item": 1e400, "quantity": 1}]}',
        '{"service": SERVICE, "items": [{"service_item": ITEM, "quantity": 1e400}]}',
        '{"service": SERVICE, "items": [{"service_item": ITEM, "quantity": NaN}]}',
        '{"service": SERVICE, "items": [{"service_item": ITEM, "quantity": -Infinity}]}',
        '[{"service": SERVICE}]',
        "[" * 10000,
        "not json",
    ],
)
def test_hostile_json_bodies_are_refused(student_client, menu, raw):
    service, burger, _ = menu
    body = raw.replace("SERVICE", str(service.pk)).replace("ITEM", str(burger.pk))

    response = student_client.generic("POST", ORDERS_URL, body, content_type="application/json")

    assert response.status_code == 400
    assert_nothing_stored()


def test_text_with_a_nul_byte_is_refused(student_client, menu):
    service, burger, _ = menu

    response = student_client.post(
        ORDERS_URL,
        {
            "service": service.pk,
            "items": [{"service_item": burger.pk, "quantity": 1}],
            "delivery_address": "Hall\x00B",
        },
        format="json",
    )

    assert response.status_code == 400
    assert "delivery_address" in response.json()
    assert_nothing_stored()


@pytest.mark.parametrize("role", ["vendor", "admin_user"])
def test_vendors_and_admins_cannot_place_orders(request, menu, role):
    service, burger, _ = menu
    client = client_for(request.getfixturevalue(role))

    response = client.post(
        ORDERS_URL,
        {"service": service.pk, "items": [{"service_item": burger.pk, "quantity": 1}]},
        format="json",
    )

    assert response.status_code == 403
    assert response.json() == {"detail": "Only students can place orders."}
    assert_nothing_stored()


def test_anonymous_cannot_place_orders(api, menu):
    service, burger, _ = menu

    response = api.post(
        ORDERS_URL,
        {"service": service.pk, "items": [{"service_item": burger.pk, "quantity": 1}]},
        format="json",
    )

    assert response.status_code == 401
    assert_nothing_stored()


@pytest.mark.parametrize("lines", [1, 20])
def test_placing_an_order_costs_the_same_queries_for_one_line_or_twenty(
    student_client, django_assert_max_num_queries, lines
):
    service = ServiceFactory()
    items = ServiceItemFactory.create_batch(lines, service=service)
    body = {
        "service": service.pk,
        "items": [{"service_item": item.pk, "quantity": 1} for item in items],
    }

    with django_assert_max_num_queries(18):
        response = student_client.post(
            ORDERS_URL, body, format="json", HTTP_IDEMPOTENCY_KEY=f"lines-{lines}"
        )

    assert response.status_code == 201
    assert len(response.json()["items"]) == lines
