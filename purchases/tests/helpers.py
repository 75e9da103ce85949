from bookings.tests.helpers import BOOKINGS_URL
from orders.tests.helpers import ORDERS_URL

URLS = {"order": ORDERS_URL, "booking": BOOKINGS_URL}


def post(client, scope, body, key):
    """``(status, json)`` of a POST creating an order or a booking with ``key``."""
    response = client.post(URLS[scope], body, format="json", HTTP_IDEMPOTENCY_KEY=key)
    return response.status_code, response.json()
