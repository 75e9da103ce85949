"""The Payments section of the contract, through the API, for orders."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for
from notifications.models import Notification
from orders.models import Order
from payments import services, tasks
from payments.models import Payment, ProviderEvent, Refund
from users.models import User

from .helpers import charge, event_body, post_webhook, refunded, verify_url

pytestmark = pytest.mark.django_db

ORDERS_URL = "/api/orders/"


def vendor_notifications(vendor, kind="order_placed"):
    return Notification.objects.filter(recipient=vendor, kind=kind).count()


def run_refunds():
    """What the worker would do: send each pending refund, then the dummy
    provider's confirmation."""
    for refund in Refund.objects.filter(status="pending"):
        tasks.refund_send.call(refund_id=refund.pk)
        payment = refund.payment
        tasks.dummy_refund_confirm.call(reference=payment.reference, amount=1300)


def test_config_lists_the_payment_methods_offered(api):
    body = api.get("/api/config/").json()
    assert body["payment_methods"] == ["pay_at_pickup", "online"]


def test_config_offers_only_pay_at_pickup_without_a_real_provider(api, settings):
    settings.PAYMENT_ONLINE_OFFERED = False
    assert api.get("/api/config/").json()["payment_methods"] == ["pay_at_pickup"]


def test_online_order_awaits_payment_with_reference_and_checkout(order_online):
    order = order_online()
    payment = order["payment"]
    assert payment["method"] == "online"
    assert payment["status"] == "awaiting_payment"
    assert payment["amount"] == "13.00"
    assert payment["currency"]
    assert len(payment["reference"]) >= 32
    assert payment["checkout_url"].endswith(f"/pay/{payment['reference']}/")
    assert payment["paid_at"] is None and payment["refunded_amount"] is None


def test_awaiting_payment_is_invisible_to_the_vendor(order_online, vendor, vendor_client):
    order = order_online()
    assert vendor_client.get(ORDERS_URL).json()["count"] == 0
    assert vendor_client.get(f"{ORDERS_URL}{order['id']}/").status_code == 404
    assert vendor_client.get("/api/orders/summary/").json()["total_orders"] == 0
    assert vendor_notifications(vendor) == 0


def test_right_charge_makes_it_paid_visible_and_notifies_the_vendor(
    api, order_online, vendor, vendor_client
):
    order = order_online()
    response = charge(api, order["payment"])
    assert response.status_code == 200
    seen = vendor_client.get(f"{ORDERS_URL}{order['id']}/")
    assert seen.status_code == 200
    assert seen.json()["payment"]["status"] == "paid"
    assert seen.json()["payment"]["paid_at"] is not None
    assert vendor_notifications(vendor) == 1


def test_same_event_again_has_no_second_effect(api, order_online, vendor):
    order = order_online()
    for _ in range(3):
        assert charge(api, order["payment"]).status_code == 200
    assert vendor_notifications(vendor) == 1
    assert ProviderEvent.objects.count() == 1


@pytest.mark.parametrize("amount, currency", [(1200, None), (1300, "USD")])
def test_other_amount_or_currency_needs_review_not_paid(
    api, order_online, vendor, vendor_client, amount, currency
):
    order = order_online()
    assert charge(api, order["payment"], amount=amount, currency=currency).status_code == 200
    assert Payment.objects.get().status == "needs_review"
    assert vendor_client.get(f"{ORDERS_URL}{order['id']}/").status_code == 404
    assert vendor_notifications(vendor) == 0


@pytest.mark.parametrize("signature", [None, "0" * 128, "not hex"])
def test_bad_signature_is_401_and_changes_nothing(api, order_online, signature):
    order = order_online()
    body = event_body("charge.success", order["payment"]["reference"], 1300)
    assert post_webhook(api, body, signature=signature).status_code == 401
    assert Payment.objects.get().status == "awaiting_payment"
    assert ProviderEvent.objects.count() == 0


def test_signature_over_other_bytes_is_refused(api, order_online, settings):
    order = order_online()
    body = event_body("charge.success", order["payment"]["reference"], 1300)
    from payments.signatures import sign

    signature = sign(body, settings.PAYMENT_WEBHOOK_SECRET)
    assert post_webhook(api, body.replace(b", ", b","), signature=signature).status_code == 401


def test_unknown_reference_is_200_and_ignored(api, db):
    response = post_webhook(api, event_body("charge.success", "cs_nobody", 100))
    assert response.status_code == 200
    assert response.json() == {"outcome": "ignored"}


@pytest.mark.parametrize("body", [b"not json", b"[]", b'{"event": "charge.success"}'])
def test_signed_garbage_is_400_never_500(api, db, body):
    assert post_webhook(api, body).status_code == 400


def test_verify_applies_the_providers_answer_for_the_payer_only(
    api, order_online, student_client, other_student_client, vendor
):
    order = order_online()
    reference = order["payment"]["reference"]
    assert other_student_client.post(verify_url(reference)).status_code == 404
    assert student_client.post(verify_url(reference)).json()["status"] == "awaiting_payment"
    # The dummy's checkout page takes the payment; verify then reads it, twice over.
    assert (
        api.post(f"/pay/{reference}/", {"outcome": "success"}, format="multipart").status_code
        == 200
    )
    for _ in range(2):
        answer = student_client.post(verify_url(reference))
        assert answer.status_code == 200 and answer.json()["status"] == "paid"
    assert vendor_notifications(vendor) == 1


def test_checkout_page_failure_leaves_it_awaiting(api, order_online):
    order = order_online()
    page = api.get(order["payment"]["checkout_url"])
    assert page.status_code == 200 and b"Pay" in page.content
    api.post(order["payment"]["checkout_url"], {"outcome": "failure"}, format="multipart")
    assert Payment.objects.get().status == "awaiting_payment"
    assert (
        api.post(
            order["payment"]["checkout_url"], {"outcome": "maybe"}, format="multipart"
        ).status_code
        == 400
    )
    assert api.get("/pay/cs_unknown/").status_code == 404


def test_hold_expiry_cancels_as_the_system_and_tells_the_customer(order_online, student):
    order = order_online()
    Payment.objects.update(hold_expires_at=timezone.now() - timedelta(seconds=1))
    assert tasks.holds_expire_tick.call() == 1
    stored = Order.objects.get(pk=order["id"])
    assert stored.order_status == "cancelled"
    last = stored.events.last()
    assert last.actor is None and last.reason == "Payment not completed"
    assert stored.payment.status == "expired"
    assert Notification.objects.filter(recipient=student, kind="order_status").count() == 1
    assert services.holds_expire() == 0


def test_hold_not_lapsed_yet_is_kept(order_online):
    order_online()
    assert services.holds_expire() == 0
    assert Payment.objects.get().status == "awaiting_payment"


def test_customer_may_cancel_while_awaiting(order_online, student_client):
    order = order_online()
    response = student_client.post(
        f"{ORDERS_URL}{order['id']}/update_status/", {"order_status": "cancelled"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["payment"]["status"] == "expired"


def test_cancel_of_paid_order_refunds_once(api, order_online, vendor_client, student_client):
    order = order_online()
    charge(api, order["payment"])
    url = f"{ORDERS_URL}{order['id']}/update_status/"
    assert vendor_client.post(url, {"order_status": "cancelled"}, format="json").status_code == 200
    payment = student_client.get(f"{ORDERS_URL}{order['id']}/").json()["payment"]
    assert payment["status"] == "refund_pending"
    run_refunds()
    payment = student_client.get(f"{ORDERS_URL}{order['id']}/").json()["payment"]
    assert payment["status"] == "refunded" and payment["refunded_amount"] == "13.00"
    assert refunded(api, order["payment"]["reference"], 1300).status_code == 200
    assert Refund.objects.count() == 1


def test_charge_for_a_cancelled_order_is_recorded_and_refunded(api, order_online, student_client):
    order = order_online()
    student_client.post(
        f"{ORDERS_URL}{order['id']}/update_status/", {"order_status": "cancelled"}, format="json"
    )
    assert charge(api, order["payment"]).status_code == 200
    payment = Payment.objects.get()
    assert payment.status == "refund_pending" and payment.charged_amount is not None
    run_refunds()
    payment.refresh_from_db()
    assert payment.status == "refunded"
    assert Order.objects.get().order_status == "cancelled"
    assert Refund.objects.count() == 1


def test_refund_processed_before_our_call_returns_is_fine(api, order_online, vendor_client):
    order = order_online()
    charge(api, order["payment"])
    vendor_client.post(
        f"{ORDERS_URL}{order['id']}/update_status/", {"order_status": "cancelled"}, format="json"
    )
    assert refunded(api, order["payment"]["reference"], 1300).status_code == 200
    assert Payment.objects.get().status == "refunded"
    run_refunds()
    assert Payment.objects.get().status == "refunded"


def test_pay_at_pickup_is_due_then_collected_on_completion(student_client, shop, vendor_client):
    service, item = shop
    body = {"service": service.pk, "items": [{"service_item": item.pk, "quantity": 1}]}
    order = student_client.post(ORDERS_URL, body, format="json").json()
    assert order["payment"]["method"] == "pay_at_pickup"
    assert order["payment"]["status"] == "due_at_pickup"
    assert order["payment"]["reference"] is None and order["payment"]["checkout_url"] is None
    url = f"{ORDERS_URL}{order['id']}/update_status/"
    for step in ("confirmed", "preparing", "ready", "completed"):
        response = vendor_client.post(url, {"order_status": step}, format="json")
        assert response.status_code == 200
    assert response.json()["payment"]["status"] == "collected"


def test_nothing_to_pay_is_not_required(student_client, shop):
    service, item = shop
    item.price = 0
    item.save()
    body = {
        "service": service.pk,
        "items": [{"service_item": item.pk, "quantity": 1}],
        "payment_method": "online",
    }
    order = student_client.post(ORDERS_URL, body, format="json").json()
    assert order["payment"]["status"] == "not_required"


def test_method_the_service_does_not_accept_is_400(student_client, shop):
    service, item = shop
    service.payment_methods = ["pay_at_pickup"]
    service.save()
    body = {
        "service": service.pk,
        "items": [{"service_item": item.pk, "quantity": 1}],
        "payment_method": "online",
    }
    response = student_client.post(ORDERS_URL, body, format="json")
    assert response.status_code == 400 and "payment_method" in response.json()
    assert Order.objects.count() == 0 and Payment.objects.count() == 0


def test_online_only_service_defaults_to_online(student_client, shop):
    service, item = shop
    service.payment_methods = ["online"]
    service.save()
    body = {"service": service.pk, "items": [{"service_item": item.pk, "quantity": 1}]}
    order = student_client.post(ORDERS_URL, body, format="json").json()
    assert order["payment"]["method"] == "online"


def test_export_has_payment_columns(api, order_online, vendor_client):
    order = order_online()
    charge(api, order["payment"])
    rows = vendor_client.get("/api/orders/export/").content.decode().splitlines()
    header, first = rows[0].split(","), rows[1].split(",")
    assert header[-4:] == ["payment_method", "payment_status", "options", "refunded_amount"]
    assert first[-4:-2] == ["online", "paid"]


def test_vendor_writes_payment_methods_of_a_service(vendor_client, shop):
    service, _ = shop
    url = f"/api/services/{service.pk}/"
    ok = vendor_client.patch(url, {"payment_methods": ["online"]}, format="json")
    assert ok.status_code == 200 and ok.json()["payment_methods"] == ["online"]
    for bad in ([], ["cash"], "online"):
        response = vendor_client.patch(url, {"payment_methods": bad}, format="json")
        assert response.status_code == 400, bad


def test_admin_accepts_or_refunds_a_charge_under_review(api, order_online, vendor):
    first, second = order_online(), order_online()
    charge(api, first["payment"], amount=1)
    charge(api, second["payment"], amount=1)
    one, two = (Payment.objects.get(reference=o["payment"]["reference"]) for o in (first, second))
    assert services.payment_mark_reviewed(payment_id=one.pk)
    assert vendor_notifications(vendor) == 1
    assert services.payment_refund_reviewed(payment_id=two.pk)
    assert Order.objects.get(pk=second["id"]).order_status == "cancelled"
    assert Payment.objects.get(pk=two.pk).status == "refund_pending"


def test_admin_lists_payments_and_stuck_refunds(api, order_online, vendor_client):
    order = order_online()
    charge(api, order["payment"])
    vendor_client.post(
        f"{ORDERS_URL}{order['id']}/update_status/", {"order_status": "cancelled"}, format="json"
    )
    Refund.objects.update(created_at=timezone.now() - timedelta(hours=2))
    from django.test import Client

    browser = Client()
    browser.force_login(User.objects.create_superuser(email="root@campus.test", password="x"))
    reference = order["payment"]["reference"]
    assert reference in browser.get(f"/admin/payments/payment/?q={reference}").content.decode()
    stuck = browser.get("/admin/payments/refund/?refund=stuck")
    assert stuck.status_code == 200 and "1 refund" in stuck.content.decode()


def test_a_student_cannot_read_anothers_payment(order_online, other_student):
    order = order_online()
    other = client_for(other_student)
    assert other.get(f"{ORDERS_URL}{order['id']}/").status_code == 404


@pytest.mark.parametrize("reference", ["bad%00ref", "x" * 65, "a%2Fb"])
def test_malformed_references_are_404_never_500(api, student_client, reference):
    assert student_client.post(f"/api/payments/{reference}/verify/").status_code == 404
    assert api.get(f"/pay/{reference}/").status_code == 404
