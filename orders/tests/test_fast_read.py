"""Orders, their lines and history serialize as DRF's own machinery would
(common.serializers.FastReadMixin), every kind of history entry included."""

import pytest
from rest_framework.test import APIRequestFactory

from common.tests.fast_read import assert_same_json
from orders import selectors
from orders.api.serializers import OrderSerializer

from .helpers import order_url, status_url

pytestmark = pytest.mark.django_db


def test_orders_as_their_customer_and_vendor_see_them(
    place, student, vendor, student_client, vendor_client
):
    first = place(special_instructions="Extra napkins")
    student_client.patch(order_url(first["id"]), {"delivery_address": "Gate 2"}, format="json")
    vendor_client.post(status_url(first["id"]), {"order_status": "confirmed"}, format="json")
    second = place()
    student_client.post(status_url(second["id"]), {"order_status": "cancelled"}, format="json")

    for viewer in (student, vendor):
        request = APIRequestFactory().get("/api/orders/")
        request.user = viewer
        orders = list(selectors.order_list(user=viewer))
        data = assert_same_json(OrderSerializer, orders, context={"request": request})
        kinds = {entry["to_status"] for order in data for entry in order["status_history"]}
        assert kinds == {"pending", "confirmed", "cancelled"}
        assert len(data[-1]["status_history"]) == 3  # placed, edited, confirmed
