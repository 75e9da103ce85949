import pytest

from users.models import User

from .factories import OrderItemFactory

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
    assert site_admin.get("/admin/orders/idempotencykey/").status_code == 200
