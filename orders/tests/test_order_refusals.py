"""Orders the rules refuse: a service or item that takes no orders, and
malformed, hostile or out-of-range input. Each answers 400 and stores nothing."""

import pytest

from catalogue.models import ServiceType
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory

from .helpers import ORDERS_URL, assert_nothing_stored

pytestmark = pytest.mark.django_db


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
