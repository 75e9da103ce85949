import pytest
from django.contrib.auth.models import Permission

from notifications.models import EmailOutbox, Notification
from orders.models import OrderEvent
from users.models import User

from .factories import OrderFactory, OrderItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_admin(client):
    client.force_login(User.objects.create_superuser(email="root@campus.test", password="x"))
    return client


@pytest.fixture
def order():
    line = OrderItemFactory()
    return line.order


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("", True),
        ("?q=student", True),
        ("?q=Service", True),
        ("?q=nothing-like-it", False),
        ("?order_status__exact=pending", True),
        ("?order_status__exact=completed", False),
    ],
)
def test_admin_lists_searches_and_filters_orders(site_admin, order, query, shown):
    response = site_admin.get(f"/admin/orders/order/{query}")

    assert response.status_code == 200
    assert (f"/admin/orders/order/{order.pk}/change/" in response.content.decode()) is shown


def test_admin_finds_an_order_by_id(site_admin, order):
    response = site_admin.get(f"/admin/orders/order/?q={order.pk}")

    assert f"/admin/orders/order/{order.pk}/change/" in response.content.decode()


def test_admin_filters_orders_by_vendor(site_admin, order):
    vendor_id = order.service.vendor_id

    response = site_admin.get(f"/admin/orders/order/?service__vendor__id__exact={vendor_id}")

    assert response.status_code == 200
    assert f"/admin/orders/order/{order.pk}/change/" in response.content.decode()


def test_admin_order_page_shows_items_read_only(site_admin, order):
    response = site_admin.get(f"/admin/orders/order/{order.pk}/change/")

    assert response.status_code == 200
    assert order.items.get().service_item.name in response.content.decode()


def test_admin_cannot_add_orders_bypassing_the_rules(site_admin):
    assert site_admin.get("/admin/orders/order/add/").status_code == 403


def test_idempotency_keys_are_listed(site_admin):
    assert site_admin.get("/admin/purchases/idempotencykey/").status_code == 200


def test_admin_is_branded_for_the_marketplace(site_admin):
    page = site_admin.get("/admin/").content.decode()

    assert "<title>Marketplace operations | Campus Services admin</title>" in page
    assert "Campus Services admin" in page


def _cancel(site_admin, ids, **extra):
    return site_admin.post(
        "/admin/orders/order/",
        {"action": "cancel_orders", "_selected_action": ids, **extra},
        follow=True,
    )


def test_operator_cancel_asks_for_a_reason_first(site_admin, order):
    asked = _cancel(site_admin, [order.pk])

    page = asked.content.decode()
    assert asked.status_code == 200
    assert "These orders will be cancelled" in page
    assert f"Order #{order.pk} (pending)" in page
    assert 'name="reason"' in page
    order.refresh_from_db()
    assert order.order_status == "pending"

    empty = _cancel(site_admin, [order.pk], apply="1", reason="   ")

    assert "This field is required." in empty.content.decode()
    order.refresh_from_db()
    assert order.order_status == "pending"


def test_operator_cancels_with_the_reason_on_the_record_and_the_customer_told(site_admin, order):
    done = _cancel(site_admin, [order.pk], apply="1", reason="Kitchen closed by the health office")

    assert "Cancelled 1 order." in done.content.decode()
    order.refresh_from_db()
    assert order.order_status == "cancelled"
    event = OrderEvent.objects.filter(order=order).latest("id")
    assert (event.from_status, event.to_status, event.reason, event.actor.email) == (
        "pending",
        "cancelled",
        "Kitchen closed by the health office",
        "root@campus.test",
    )
    told = Notification.objects.about(order).get(recipient=order.customer)
    assert told.body == (
        f"The campus services team cancelled your order #{order.pk} "
        f"({order.service.service_name}). Reason: Kitchen closed by the health office"
    )
    assert EmailOutbox.objects.get(notification=told).to == order.customer.email


def test_operator_cancel_refuses_final_orders_with_a_message(site_admin, order):
    done_order = OrderFactory(order_status="completed")

    done = _cancel(site_admin, [order.pk, done_order.pk], apply="1", reason="Closed")

    page = done.content.decode()
    assert done.status_code == 200
    assert "Cancelled 1 order." in page
    assert f"#{done_order.pk}: A &#x27;completed&#x27; order is final" in page
    done_order.refresh_from_db()
    assert done_order.order_status == "completed"
    assert not OrderEvent.objects.filter(order=done_order).exists()


def _staff(client, *codenames):
    user = User.objects.create_user(email="desk@campus.test", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    client.force_login(user)
    return client


def test_staff_who_may_only_view_orders_are_not_offered_the_cancel(client, order):
    viewer = _staff(client, "view_order")

    listing = viewer.get("/admin/orders/order/").content.decode()
    _cancel(viewer, [order.pk], apply="1", reason="Closed")

    assert f"/admin/orders/order/{order.pk}/change/" in listing
    assert "cancel_orders" not in listing
    order.refresh_from_db()
    assert order.order_status == "pending"


def test_staff_given_the_change_permission_cancel_as_themselves(client, order):
    operator = _staff(client, "view_order", "change_order")

    assert "cancel_orders" in operator.get("/admin/orders/order/").content.decode()
    done = _cancel(operator, [order.pk], apply="1", reason="Closed today")

    assert "Cancelled 1 order." in done.content.decode()
    event = OrderEvent.objects.filter(order=order).latest("id")
    assert (event.to_status, event.reason, event.actor.email) == (
        "cancelled",
        "Closed today",
        "desk@campus.test",
    )
