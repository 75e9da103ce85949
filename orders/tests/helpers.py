ORDERS_URL = "/api/orders/"


def order_url(order_id) -> str:
    return f"{ORDERS_URL}{order_id}/"


def status_url(order_id) -> str:
    return f"{ORDERS_URL}{order_id}/update_status/"
