"""A cancelled order says why: the vendor's decline reason reaches the customer."""

import pytest

from orders.models import OrderEvent

from .helpers import order_url, status_url

pytestmark = pytest.mark.django_db


def test_a_vendor_declines_with_a_reason_the_customer_reads(vendor_client, student_client, place):
    order = place()
    response = vendor_client.post(
        status_url(order["id"]),
        {"order_status": "cancelled", "reason": "  Out of burger buns today  "},
        format="json",
    )
    assert response.status_code == 200, response.json()

    seen = student_client.get(order_url(order["id"])).json()
    last = seen["status_history"][-1]
    assert (last["to_status"], last["reason"]) == ("cancelled", "Out of burger buns today")
    assert OrderEvent.objects.filter(order_id=order["id"]).last().reason == (
        "Out of burger buns today"
    )


def test_a_reason_is_optional_and_empty_on_other_steps(vendor_client, place):
    order = place()
    confirmed = vendor_client.post(
        status_url(order["id"]), {"order_status": "confirmed", "reason": "ignored"}, format="json"
    ).json()
    assert [step["reason"] for step in confirmed["status_history"]] == ["", ""]

    cancelled = vendor_client.post(
        status_url(order["id"]), {"order_status": "cancelled"}, format="json"
    ).json()
    assert cancelled["status_history"][-1]["reason"] == ""


def test_a_reason_longer_than_500_characters_is_refused(vendor_client, place):
    order = place()
    response = vendor_client.post(
        status_url(order["id"]), {"order_status": "cancelled", "reason": "x" * 501}, format="json"
    )
    assert response.status_code == 400
    assert "reason" in response.json()
