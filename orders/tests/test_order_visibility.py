from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from catalogue.tests.factories import ServiceFactory, VendorProfileFactory
from conftest import client_for
from orders.models import Order, OrderEvent, OrderStatus

from .factories import OrderFactory, OrderItemFactory
from .helpers import ORDERS_URL, order_url

pytestmark = pytest.mark.django_db


def ids(response):
    assert response.status_code == 200, response.json()
    return [order["id"] for order in response.json()["results"]]


def full_order(**kwargs):
    """A stored order with two lines and a creation history row."""
    order = OrderFactory(**kwargs)
    OrderItemFactory.create_batch(2, order=order)
    OrderEvent.objects.create(
        order=order, kind="placed", to_status=order.order_status, actor=order.customer
    )
    return order


@pytest.fixture
def orders(student, vendor):
    """Orders of ``student`` and of someone else, at ``vendor`` and at another vendor."""
    mine_here = full_order(customer=student, service=ServiceFactory(vendor=vendor))
    mine_elsewhere = full_order(customer=student)
    theirs_here = full_order(service=mine_here.service)
    theirs_elsewhere = full_order()
    return mine_here, mine_elsewhere, theirs_here, theirs_elsewhere


def test_student_sees_only_the_orders_they_placed(student_client, orders):
    mine_here, mine_elsewhere, _, _ = orders

    assert sorted(ids(student_client.get(ORDERS_URL))) == sorted([mine_here.pk, mine_elsewhere.pk])


def test_vendor_sees_only_orders_for_their_services(vendor_client, orders):
    mine_here, _, theirs_here, _ = orders

    assert sorted(ids(vendor_client.get(ORDERS_URL))) == sorted([mine_here.pk, theirs_here.pk])


def test_admin_sees_every_order(admin_client, orders):
    assert sorted(ids(admin_client.get(ORDERS_URL))) == sorted(order.pk for order in orders)


def test_others_orders_are_not_found(student_client, vendor_client, orders):
    mine_here, mine_elsewhere, theirs_here, theirs_elsewhere = orders

    assert student_client.get(order_url(theirs_here.pk)).status_code == 404
    assert vendor_client.get(order_url(mine_elsewhere.pk)).status_code == 404
    assert vendor_client.get(order_url(theirs_elsewhere.pk)).status_code == 404
    assert student_client.get(order_url(mine_here.pk)).status_code == 200
    assert vendor_client.get(order_url(theirs_here.pk)).status_code == 200


def test_anonymous_users_get_401(api, orders):
    assert api.get(ORDERS_URL).status_code == 401
    assert api.get(order_url(orders[0].pk)).status_code == 401


def test_detail_shows_vendor_business_name_and_customer(student, student_client, vendor):
    VendorProfileFactory(user=vendor, business_name="Union Kitchen")
    order = full_order(customer=student, service=ServiceFactory(vendor=vendor))

    body = student_client.get(order_url(order.pk)).json()

    assert body["vendor_name"] == "Union Kitchen"
    assert body["customer_name"] == student.get_full_name()
    assert body["customer_email"] == student.email
    assert [line["id"] for line in body["items"]] == list(order.items.values_list("id", flat=True))
    assert body["status_history"][0]["to_status"] == "pending"


@pytest.mark.parametrize("path", ["abc/", "1" * 30 + "/", "-1/", "1.5/"])
def test_nonsensical_ids_are_not_found(student_client, path):
    assert student_client.get(f"{ORDERS_URL}{path}").status_code == 404


def test_list_is_newest_first(student, student_client):
    old = full_order(customer=student)
    new = full_order(customer=student)
    Order.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=1))

    assert ids(student_client.get(ORDERS_URL)) == [new.pk, old.pk]


def test_vendor_filters_to_orders_needing_action(vendor, vendor_client):
    service = ServiceFactory(vendor=vendor)
    pending = full_order(service=service)
    full_order(service=service, order_status=OrderStatus.CONFIRMED)

    assert ids(vendor_client.get(ORDERS_URL, {"order_status": "pending"})) == [pending.pk]


def test_filter_by_service(vendor, vendor_client):
    grill, bakery = ServiceFactory(vendor=vendor), ServiceFactory(vendor=vendor)
    at_grill = full_order(service=grill)
    full_order(service=bakery)

    assert ids(vendor_client.get(ORDERS_URL, {"service": grill.pk})) == [at_grill.pk]


@pytest.mark.parametrize(
    "params",
    [{"order_status": "shipped"}, {"service": "abc"}, {"service": "1e400"}, {"service": "1" * 30}],
)
def test_invalid_filters_are_refused(student_client, params):
    response = student_client.get(ORDERS_URL, params)

    assert response.status_code == 400
    assert list(response.json()) == list(params)


def test_pagination_and_page_size(student, student_client):
    for _ in range(3):
        full_order(customer=student)

    body = student_client.get(ORDERS_URL, {"page_size": 2}).json()

    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"] is not None


@pytest.mark.parametrize("role", ["student", "vendor", "admin_user"])
def test_list_query_count_does_not_grow_with_rows(
    request, django_assert_max_num_queries, student, vendor, role
):
    VendorProfileFactory(user=vendor)
    service = ServiceFactory(vendor=vendor)
    client = client_for(request.getfixturevalue(role))
    # A vendor's list first reads their service ids (one query, see orders_visible_to).
    limit = 6 if role == "vendor" else 5

    full_order(customer=student, service=service)
    with django_assert_max_num_queries(limit):
        assert len(ids(client.get(ORDERS_URL))) == 1

    for _ in range(29):
        full_order(customer=student, service=service)
    with django_assert_max_num_queries(limit):
        assert len(ids(client.get(ORDERS_URL, {"page_size": 30}))) == 30


def test_past_orders_say_whether_their_service_is_still_listed(student, student_client):
    """A hidden vendor's or a deleted service's old orders tell the web app
    not to offer "Order again" and "Review" (both would be refused)."""
    listed = full_order(customer=student)
    suspended = full_order(customer=student, service=ServiceFactory())
    VendorProfileFactory(user=suspended.service.vendor, is_active=False)
    deleted = full_order(customer=student)
    deleted.service.is_active = False
    deleted.service.save(update_fields=["is_active"])

    listed_by_id = {
        o["id"]: o["service_listed"] for o in student_client.get(ORDERS_URL).json()["results"]
    }

    assert listed_by_id == {listed.pk: True, suspended.pk: False, deleted.pk: False}
    assert student_client.get(order_url(suspended.pk)).json()["service_listed"] is False


def test_the_answer_to_a_move_is_the_order_as_read_asking_visibility_once(
    vendor, vendor_client, student
):
    """The answer after a status change is read without asking visibility
    again (``selectors.order_answer``): it is the same JSON as a fresh read of
    the order, and a vendor's services are read once, by ``get_object``."""
    VendorProfileFactory(user=vendor)
    order = full_order(customer=student, service=ServiceFactory(vendor=vendor))

    with CaptureQueriesContext(connection) as queries:
        moved = vendor_client.post(
            f"{order_url(order.pk)}update_status/", {"order_status": "confirmed"}, format="json"
        )
    # Read the log before the next request: a request's start clears it.
    services_read = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT "catalogue_service"."id" AS "id" FROM "catalogue_service"')
    ]
    assert moved.status_code == 200, moved.json()
    assert len(services_read) == 1, services_read
    assert moved.json()["order_status"] == OrderStatus.CONFIRMED
    assert moved.json() == vendor_client.get(order_url(order.pk)).json()
