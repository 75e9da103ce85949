"""The paystack provider against a local fake of its API: retries through
timeouts and 5xx answers, webhooks before or after verify, duplicated and
out-of-order events, refunds confirmed, reconciliation. Nothing is lost."""

from datetime import date

import pytest

from notifications.models import Notification
from orders.models import Order
from payments import reconciliation, tasks
from payments.models import Payment, Refund, RefundStatus
from payments.providers import ProviderError, get_provider

from .fake_paystack import FakePaystack, running
from .helpers import WEBHOOK_URL, verify_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def paystack(settings):
    fake = FakePaystack()
    with running(fake):
        settings.PAYMENT_PROVIDER = "paystack"
        settings.PAYSTACK_API_URL = fake.url
        settings.PAYSTACK_SECRET_KEY = fake.secret_key
        settings.PAYSTACK_TIMEOUT_SECONDS = 0.5
        settings.PAYMENT_ONLINE_OFFERED = True
        yield fake


@pytest.fixture
def placed(paystack, order_online, django_capture_on_commit_callbacks):
    """An online order whose checkout was initialized at the fake (after commit)."""

    def _place():
        with django_capture_on_commit_callbacks(execute=True):
            order = order_online()
        return order, Payment.objects.get(pk=Order.objects.get(pk=order["id"]).payment_id)

    return _place


def deliver(client, fake, event, reference):
    body, signature = fake.webhook(event, reference)
    return client.post(
        WEBHOOK_URL, data=body, content_type="application/json", HTTP_X_PAYSTACK_SIGNATURE=signature
    )


def placed_notices(vendor):
    return Notification.objects.filter(recipient=vendor, kind="order_placed").count()


def test_initialize_gives_the_providers_checkout_url(placed, paystack):
    _, payment = placed()
    assert payment.checkout_url == f"{paystack.url}/checkout/{payment.reference}"
    assert paystack.transactions[payment.reference]["amount"] == 1300


def test_initialize_is_retried_through_a_5xx_answer(placed, paystack):
    paystack.fail_next("/transaction/initialize", "500")
    _, payment = placed()
    assert payment.checkout_url.endswith(payment.reference)


def test_initialize_that_never_answers_leaves_the_hold_to_lapse(placed, paystack):
    paystack.fail_next("/transaction/initialize", "500", "500", "500")
    _, payment = placed()
    assert payment.checkout_url == "" and payment.status == "awaiting_payment"


def test_webhook_then_verify_pays_once(api, placed, paystack, student_client, vendor):
    _, payment = placed()
    paystack.pay(payment.reference)
    assert deliver(api, paystack, "charge.success", payment.reference).status_code == 200
    answer = student_client.post(verify_url(payment.reference))
    assert answer.json()["status"] == "paid"
    assert placed_notices(vendor) == 1


def test_verify_then_webhook_twice_pays_once(api, placed, paystack, student_client, vendor):
    _, payment = placed()
    paystack.pay(payment.reference)
    paystack.fail_next("/transaction/verify", "slow", "500")
    assert student_client.post(verify_url(payment.reference)).json()["status"] == "paid"
    for _ in range(2):
        assert deliver(api, paystack, "charge.success", payment.reference).status_code == 200
    assert placed_notices(vendor) == 1


def test_verify_while_the_provider_is_down_is_502_and_changes_nothing(
    placed, paystack, student_client
):
    _, payment = placed()
    paystack.pay(payment.reference)
    paystack.fail_next("/transaction/verify", "500", "500", "500")
    assert student_client.post(verify_url(payment.reference)).status_code == 502
    assert Payment.objects.get().status == "awaiting_payment"
    assert student_client.post(verify_url(payment.reference)).json()["status"] == "paid"


def test_webhook_signed_with_another_key_is_401(api, placed, paystack):
    _, payment = placed()
    paystack.pay(payment.reference)
    body, _ = paystack.webhook("charge.success", payment.reference)
    response = api.post(
        WEBHOOK_URL, data=body, content_type="application/json", HTTP_X_PAYSTACK_SIGNATURE="ab"
    )
    assert response.status_code == 401 and Payment.objects.get().status == "awaiting_payment"


def test_refund_retried_through_failures_reaches_the_provider_once(
    api, placed, paystack, vendor_client
):
    order, payment = placed()
    paystack.pay(payment.reference)
    deliver(api, paystack, "charge.success", payment.reference)
    url = f"/api/orders/{order['id']}/update_status/"
    vendor_client.post(url, {"order_status": "cancelled"}, format="json")
    refund = Refund.objects.get()
    paystack.fail_next("/refund", "500", "500", "500")
    assert tasks.refund_send.call(refund_id=refund.pk) is False  # queued again, later
    refund.refresh_from_db()
    assert refund.attempts == 1 and "did not answer" in refund.last_error
    # Next try: the provider refunds but answers too late; the retry is told
    # it is already reversed, which settles it.
    paystack.fail_next("/refund", "slow")
    assert tasks.refund_send.call(refund_id=refund.pk) is True
    assert paystack.refunded == {payment.reference: 1300}
    assert Payment.objects.get().status == "refunded"
    assert Refund.objects.get().status == RefundStatus.PROCESSED
    # The provider's own refund.processed, late and twice: nothing more.
    for _ in range(2):
        assert deliver(api, paystack, "refund.processed", payment.reference).status_code == 200
    assert Refund.objects.count() == 1 and Payment.objects.get().refunded_amount == 13


def test_refund_processed_before_the_refund_call_answers(api, placed, paystack, vendor_client):
    order, payment = placed()
    paystack.pay(payment.reference)
    deliver(api, paystack, "charge.success", payment.reference)
    vendor_client.post(
        f"/api/orders/{order['id']}/update_status/", {"order_status": "cancelled"}, format="json"
    )
    assert deliver(api, paystack, "refund.processed", payment.reference).status_code == 200
    assert Payment.objects.get().status == "refunded"
    assert tasks.refund_send.call(refund_id=Refund.objects.get().pk) is True
    assert paystack.refunded == {}  # settled already: the provider is not asked again


def test_refund_event_before_the_charge_event(api, placed, paystack):
    _, payment = placed()
    paystack.pay(payment.reference)
    deliver(api, paystack, "refund.processed", payment.reference)  # nothing charged yet here
    assert Payment.objects.get().status == "awaiting_payment"
    deliver(api, paystack, "charge.success", payment.reference)
    assert Payment.objects.get().status == "paid"


def test_reconciliation_applies_a_lost_charge_and_reports_mismatches(placed, paystack):
    _, lost = placed()
    _, other = placed()
    paystack.pay(lost.reference)
    paystack.pay(other.reference, amount=999)
    Payment.objects.filter(pk=other.pk).update(status="paid", paid_at=lost.created_at)
    paystack.transactions["cs_stranger"] = {"amount": 100, "currency": "GHS", "status": "success"}
    report = reconciliation.reconcile(first=date(2026, 1, 1), last=date(2030, 1, 1))
    text = "\n".join(report.lines())
    assert f"{lost.reference}: paid there, not here" in text
    assert f"{other.reference}: another amount there" in text
    assert "cs_stranger: paid there, unknown here" in text
    assert Payment.objects.get(pk=lost.pk).status == "paid"
    assert report.fixed == [f"{lost.reference}: now paid"]


def test_provider_errors_are_provider_errors(paystack):
    paystack.fail_next("/transaction/verify", "500", "500", "500")
    with pytest.raises(ProviderError):
        get_provider().verify(reference="cs_x")
    assert get_provider().verify(reference="cs_unknown") is None
