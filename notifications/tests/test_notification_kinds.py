"""Each notification kind goes to the right user only, from the change made
through the API, in the change's transaction; nobody hears of their own action."""

from decimal import Decimal

import pytest

from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from common import domain_events
from conftest import client_for
from notifications.models import EmailOutbox, Notification
from orders.models import Order, OrderEvent
from users.tests.factories import StudentFactory, VendorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def shop():
    vendor = VendorFactory(first_name="", last_name="")
    VendorProfileFactory(user=vendor, business_name="Campus Grill")
    service = ServiceFactory(vendor=vendor, service_name="Burgers")
    item = ServiceItemFactory(service=service, price=Decimal("6.50"))
    return vendor, service, item


@pytest.fixture
def customer():
    return StudentFactory(first_name="Ada", last_name="Lovelace")


def place(customer, item, quantity=2) -> dict:
    body = {"service": item.service_id, "items": [{"service_item": item.pk, "quantity": quantity}]}
    response = client_for(customer).post("/api/orders/", body, format="json")
    assert response.status_code == 201, response.json()
    return response.json()


def move(user, order_id, status, **extra):
    response = client_for(user).post(
        f"/api/orders/{order_id}/update_status/", {"order_status": status, **extra}, format="json"
    )
    assert response.status_code == 200, response.json()


def kinds_of(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_a_placed_order_notifies_its_vendor_only(shop, customer):
    vendor, service, item = shop
    bystanders = [StudentFactory(), VendorFactory()]

    order = place(customer, item)

    notification = Notification.objects.get()
    assert notification.recipient == vendor
    assert notification.kind == "order_placed"
    assert (notification.order_id, notification.service_id) == (order["id"], service.pk)
    assert notification.body == "Ada Lovelace ordered 2 items from Burgers (total 13.00)."
    assert customer.email not in notification.title + notification.body
    assert all(kinds_of(user) == [] for user in [customer, *bystanders])
    # Seen through the API by the vendor alone.
    listed = client_for(vendor).get("/api/notifications/").json()["results"]
    assert [(n["kind"], n["order"], n["service"], n["booking"]) for n in listed] == [
        ("order_placed", order["id"], service.pk, None)
    ]
    assert client_for(customer).get("/api/notifications/").json()["count"] == 0


def test_each_vendor_status_change_notifies_the_customer_only(shop, customer):
    vendor, _, item = shop
    order = place(customer, item)

    for status in ["confirmed", "preparing", "ready", "completed"]:
        move(vendor, order["id"], status)

    mine = Notification.objects.filter(recipient=customer).order_by("id")
    assert [n.kind for n in mine] == ["order_status"] * 4
    assert [n.title for n in mine] == [
        f"Order #{order['id']} confirmed",
        f"Order #{order['id']} is being prepared",
        f"Order #{order['id']} is ready",
        f"Order #{order['id']} completed",
    ]
    assert all("Campus Grill" in n.body for n in mine)
    assert kinds_of(vendor) == ["order_placed"]


def test_a_customer_cancelling_notifies_the_vendor_only(shop, customer):
    vendor, _, item = shop
    order = place(customer, item)

    move(customer, order["id"], "cancelled")

    assert sorted(kinds_of(vendor)) == ["order_placed", "order_status"]
    cancelled = Notification.objects.get(recipient=vendor, kind="order_status")
    assert cancelled.title == f"Order #{order['id']} cancelled by the customer"
    assert kinds_of(customer) == []
    assert not EmailOutbox.objects.exists()


def test_the_vendor_cancelling_notifies_and_emails_the_customer(shop, customer):
    vendor, _, item = shop
    order = place(customer, item)

    move(vendor, order["id"], "cancelled")

    notification = Notification.objects.get(recipient=customer)
    assert notification.kind == "order_status"
    assert notification.title == f"Order #{order['id']} cancelled"
    email = EmailOutbox.objects.get()
    assert (email.to, email.notification_id, email.sent_at) == (
        customer.email,
        notification.pk,
        None,
    )


def test_only_ready_and_vendor_cancellation_call_for_an_email(shop, customer):
    vendor, _, item = shop
    order = place(customer, item)

    for status in ["confirmed", "preparing"]:
        move(vendor, order["id"], status)
    assert not EmailOutbox.objects.exists()

    move(vendor, order["id"], "ready")
    assert list(EmailOutbox.objects.values_list("subject", flat=True)) == [
        f"Order #{order['id']} is ready"
    ]


def test_editing_an_orders_details_notifies_nobody(shop, customer):
    _vendor, _, item = shop
    order = place(customer, item)

    response = client_for(customer).patch(
        f"/api/orders/{order['id']}/", {"special_instructions": "No onions"}, format="json"
    )

    assert response.status_code == 200
    assert Notification.objects.count() == 1  # the order_placed only


def test_a_review_notifies_the_services_vendor_only(shop, customer):
    vendor, service, _ = shop

    response = client_for(customer).post(
        "/api/reviews/", {"service": service.pk, "rating": 4, "comment": "Juicy"}, format="json"
    )

    assert response.status_code == 201
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (vendor, "review_posted")
    assert notification.service_id == service.pk
    assert notification.body == 'Ada Lovelace rated Burgers 4/5: "Juicy"'


def test_editing_or_deleting_a_review_notifies_nobody(shop, customer):
    _, service, _ = shop
    client = client_for(customer)
    review = client.post("/api/reviews/", {"service": service.pk, "rating": 4}, format="json")

    client.patch(f"/api/reviews/{review.json()['id']}/", {"rating": 2}, format="json")
    client.delete(f"/api/reviews/{review.json()['id']}/")

    assert Notification.objects.count() == 1


def test_names_without_a_profile_or_names_are_neutral_labels(shop):
    _vendor, _, item = shop
    nameless = StudentFactory(first_name="", last_name="")

    place(nameless, item)

    assert f"Student {nameless.pk} ordered" in Notification.objects.get().body


def test_a_change_that_rolls_back_notifies_nobody(shop, customer):
    _, _, item = shop

    def fail_after_notifying(event):
        raise RuntimeError("a later listener fails")

    domain_events.subscribe(OrderEvent)(fail_after_notifying)
    try:
        client = client_for(customer)
        client.raise_request_exception = False
        body = {"service": item.service_id, "items": [{"service_item": item.pk, "quantity": 1}]}
        response = client.post("/api/orders/", body, format="json")
    finally:
        domain_events.unsubscribe(OrderEvent, fail_after_notifying)

    assert response.status_code == 500
    assert not Order.objects.exists()
    assert not Notification.objects.exists()
    assert not EmailOutbox.objects.exists()
