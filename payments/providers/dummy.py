"""The development provider: no network. Its checkout is a page of this app
(payments/api/checkout.py); what it "charged" is what that page recorded, and
it confirms refunds by itself a few seconds later through a signed webhook,
handled by the same code as a real provider's."""

from datetime import datetime

from django.conf import settings
from django.urls import reverse

from payments import tasks
from payments.models import Payment
from payments.money import to_minor

from .base import Charge

REFUND_CONFIRM_SECONDS = 2


class DummyProvider:
    name = "dummy"

    @property
    def webhook_secret(self) -> str:
        return settings.PAYMENT_WEBHOOK_SECRET

    def initialize(self, *, reference: str, amount: int, currency: str, email: str) -> str:
        return reverse("payments-checkout", kwargs={"reference": reference})

    def verify(self, *, reference: str) -> Charge | None:
        return _charge(Payment.objects.filter(reference=reference).first())

    def refund(self, *, reference: str, amount: int) -> bool:
        tasks.enqueue_later(
            tasks.dummy_refund_confirm, REFUND_CONFIRM_SECONDS, reference=reference, amount=amount
        )
        return False

    def transactions(self, *, start: datetime, end: datetime) -> list[Charge]:
        paid = Payment.objects.filter(provider=self.name, paid_at__gte=start, paid_at__lt=end)
        return [charge for charge in map(_charge, paid) if charge is not None]


def _charge(payment) -> Charge | None:
    if payment is None or payment.charged_amount is None:
        return None
    return Charge(
        reference=payment.reference,
        status="success",
        amount=to_minor(payment.charged_amount, payment.charged_currency),
        currency=payment.charged_currency,
        paid_at=payment.paid_at,
    )
