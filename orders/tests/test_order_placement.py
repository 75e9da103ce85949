from decimal import Decimal

import pytest

from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from conftest import client_for
from orders.models import Order, OrderItem
from users.tests.factories import StudentFactory

from .helpers import ORDERS_URL, assert_nothing_stored, order_url

pytestmark = pytest.mark.django_db


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
            "reason": "",
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

    # 13, the same for 1 line and 20: the caller's user row, BEGIN, the key,
    # the locked service (with its vendor and calendar), the items, the queue
    # ahead (ready estimate), its payment, the order, its lines in one insert, its event, the
    # vendor's notification, the key's order, COMMIT (and, on PostgreSQL
    # without Redis, the NOTIFY that wakes the vendor's streams).
    with django_assert_max_num_queries(14):
        response = student_client.post(
            ORDERS_URL, body, format="json", HTTP_IDEMPOTENCY_KEY=f"lines-{lines}"
        )

    assert response.status_code == 201
    assert len(response.json()["items"]) == lines


@pytest.mark.parametrize("with_profile", [True, False])
@pytest.mark.parametrize("with_key", [True, False])
def test_the_placement_answer_is_the_order_as_stored(
    student_client, menu, vendor, with_profile, with_key, django_assert_max_num_queries
):
    """The 201 is serialized from the rows the placement wrote, not read back:
    it must be what a read of the order shows, field for field."""
    if with_profile:
        VendorProfileFactory(user=vendor, business_name="Mama's Kitchen")
    service, burger, fries = menu
    headers = {"HTTP_IDEMPOTENCY_KEY": "placement-answer"} if with_key else {}
    body = {
        "service": service.pk,
        "items": [
            {"service_item": fries.pk, "quantity": 3},
            {"service_item": burger.pk, "quantity": 1},
            {"service_item": fries.pk, "quantity": 1},
        ],
        "special_instructions": "No onions",
        "delivery_address": "Hall B, room 12",
    }

    # Nothing is read back: no query reads the lines or the history (the
    # PostgreSQL run counts one query more than the SQLite one; one more is
    # the order's payment row).
    with django_assert_max_num_queries(16 if with_key else 12) as queries:
        created = student_client.post(ORDERS_URL, body, format="json", **headers)
    statements = [q["sql"] for q in queries.captured_queries]
    reads = [sql for sql in statements if sql.startswith("SELECT")]
    assert not [sql for sql in reads if "orders_orderitem" in sql or "orders_orderevent" in sql]
    # The service is read once, locked (validation reads nothing), and the key
    # takes no savepoint of its own (the one left is the test's transaction's).
    assert len([sql for sql in reads if 'FROM "catalogue_service"' in sql]) == 1
    assert len([sql for sql in statements if sql.startswith("SAVEPOINT")]) <= 1

    assert created.status_code == 201
    stored = student_client.get(order_url(created.json()["id"]))
    assert created.json() == stored.json()
    vendor_name = "Mama's Kitchen" if with_profile else vendor.get_full_name()
    assert created.json()["vendor_name"] == vendor_name
    assert [line["quantity"] for line in created.json()["items"]] == [1, 4]
    if with_key:
        replay = student_client.post(ORDERS_URL, body, format="json", **headers)
        assert replay.status_code == 200
        assert replay.json() == stored.json()
