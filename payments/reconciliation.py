"""Our payments against the provider's successful charges over a date range:
every mismatch reported, the safe ones fixed by the same rules a webhook uses."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from . import services
from .models import Payment, PaymentStatus
from .money import from_minor
from .providers import get_provider

# A charge we hold as taken; anything else the provider calls paid is a mismatch.
CHARGED = {
    PaymentStatus.PAID,
    PaymentStatus.NEEDS_REVIEW,
    PaymentStatus.REFUND_PENDING,
    PaymentStatus.REFUNDED,
}


@dataclass
class Report:
    checked: int = 0
    mismatches: list[str] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [f"mismatch: {text}" for text in self.mismatches] + [
            f"fixed: {text}" for text in self.fixed
        ]


def _bounds(first: date, last: date) -> tuple[datetime, datetime]:
    zone = timezone.get_default_timezone()
    start = datetime.combine(first, time.min, tzinfo=zone)
    return start, datetime.combine(last + timedelta(days=1), time.min, tzinfo=zone)


def reconcile(*, first: date, last: date, fix: bool = True) -> Report:
    start, end = _bounds(first, last)
    report = Report()
    seen = set()
    for charge in get_provider().transactions(start=start, end=end):
        report.checked += 1
        seen.add(charge.reference)
        payment = Payment.objects.filter(reference=charge.reference).first()
        if payment is None:
            report.mismatches.append(f"{charge.reference}: paid there, unknown here")
            continue
        amount = from_minor(charge.amount, charge.currency)
        if payment.status in (PaymentStatus.AWAITING_PAYMENT, PaymentStatus.EXPIRED):
            report.mismatches.append(f"{charge.reference}: paid there, not here ({payment.status})")
            if fix:  # the webhook we missed, applied by its own rules
                services.charge_succeeded(
                    reference=charge.reference, amount=charge.amount, currency=charge.currency
                )
                payment.refresh_from_db()
                report.fixed.append(f"{charge.reference}: now {payment.status}")
        elif amount != payment.amount or charge.currency != payment.currency:
            report.mismatches.append(
                f"{charge.reference}: another amount there ({amount} {charge.currency}) "
                f"than here ({payment.amount} {payment.currency})"
            )
    ours = Payment.objects.filter(paid_at__gte=start, paid_at__lt=end, status__in=CHARGED)
    for reference in ours.exclude(reference__in=seen).values_list("reference", flat=True):
        report.mismatches.append(f"{reference}: paid here, not there")
    return report
