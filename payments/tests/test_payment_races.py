"""Racing payment messages on PostgreSQL, with real parallel requests: every
race ends in exactly one outcome (paid, or cancelled and refunded once)."""

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from conftest import client_for
from notifications.models import Notification
from orders.models import Order
from payments import services
from payments.models import Payment, ProviderEvent, Refund

from .helpers import charge, event_body, post_webhook

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS = 4


def together(*calls):
    """Run each callable at the same moment, each on its own connection."""
    barrier = threading.Barrier(len(calls), timeout=60)

    def run(call):
        try:
            barrier.wait()
            return call()
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def assert_one_outcome(order_id: int, vendor):
    """Paid and visible with no refund, or cancelled with exactly one refund."""
    order = Order.objects.select_related("payment").get(pk=order_id)
    payment = order.payment
    refunds = Refund.objects.filter(payment=payment).count()
    if order.order_status == "cancelled":
        assert payment.status in ("refund_pending", "refunded", "expired")
        assert refunds == (0 if payment.charged_amount is None else 1)
    else:
        assert payment.status == "paid" and payment.visible_to_vendor and refunds == 0
        assert client_for(vendor).get(f"/api/orders/{order_id}/").status_code == 200


def test_the_same_webhook_twenty_times_at_once_has_one_effect(order_online, vendor):
    order = order_online()
    body = event_body("charge.success", order["payment"]["reference"], 1300)
    answers = together(*[lambda: post_webhook(APIClient(), body).status_code] * 20)
    assert answers == [200] * 20
    assert ProviderEvent.objects.count() == 1
    assert Payment.objects.get().status == "paid"
    assert Notification.objects.filter(recipient=vendor, kind="order_placed").count() == 1


def test_a_cancel_racing_the_charge_ends_refunded_exactly_once(order_online, student, vendor):
    for _ in range(ROUNDS):
        order = order_online()
        url = f"/api/orders/{order['id']}/update_status/"
        cancel = client_for(student)
        together(
            lambda: cancel.post(url, {"order_status": "cancelled"}, format="json").status_code,
            lambda: charge(APIClient(), order["payment"]).status_code,
        )
        stored = Order.objects.select_related("payment").get(pk=order["id"])
        if stored.order_status != "cancelled":  # the charge won: the cancel was refused
            assert stored.payment.status == "paid"
        assert_one_outcome(order["id"], vendor)
        if stored.order_status == "cancelled":
            assert stored.payment.status == "refund_pending"
            assert Refund.objects.filter(payment=stored.payment).count() == 1


def test_a_vendor_cancel_racing_a_replayed_charge_refunds_once(api, order_online, vendor):
    order = order_online()
    charge(api, order["payment"])
    url = f"/api/orders/{order['id']}/update_status/"
    seller, cancel_again = client_for(vendor), client_for(vendor)
    together(
        lambda: seller.post(url, {"order_status": "cancelled"}, format="json").status_code,
        *[lambda: charge(APIClient(), order["payment"]).status_code] * 3,
        lambda: cancel_again.post(url, {"order_status": "cancelled"}, format="json").status_code,
    )
    assert Order.objects.get().order_status == "cancelled"
    assert Refund.objects.count() == 1
    assert Payment.objects.get().status == "refund_pending"


def test_hold_expiry_racing_the_payment_ends_in_one_outcome(order_online, vendor):
    for _ in range(ROUNDS):
        order = order_online()
        Payment.objects.filter(reference=order["payment"]["reference"]).update(
            hold_expires_at=timezone.now() - timedelta(seconds=1)
        )
        together(
            services.holds_expire,
            lambda: charge(APIClient(), order["payment"]).status_code,
        )
        assert_one_outcome(order["id"], vendor)
