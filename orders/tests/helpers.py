from orders.models import Order, OrderEvent, OrderItem

ORDERS_URL = "/api/orders/"


def order_url(order_id) -> str:
    return f"{ORDERS_URL}{order_id}/"


def status_url(order_id) -> str:
    return f"{ORDERS_URL}{order_id}/update_status/"


def assert_nothing_stored():
    assert Order.objects.count() == 0
    assert OrderItem.objects.count() == 0
    assert OrderEvent.objects.count() == 0
