"""Payment rules: opening a payment with its order or booking, applying what
the provider reports, cancels, refunds and lapsed holds.

Every change of a payment's status is a conditional UPDATE (``_move``) from
the statuses it may come from, so a replayed or racing message changes
nothing the second time. A change first publishes ``PaymentSettling`` so that
what the payment pays for is locked before the payment (one lock order
everywhere: order/booking, then payment).
"""

import logging
import secrets
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from common.domain_events import publish
from common.exceptions import DomainError, NotFound
from common.payment_methods import ONLINE, PAY_AT_PICKUP, offered_payment_methods

from . import events, tasks
from .models import Payment, PaymentStatus, Refund, RefundStatus
from .money import from_minor, to_minor
from .providers import ProviderError, get_provider

logger = logging.getLogger(__name__)

HOLD_LAPSED = "Payment not completed"
REVIEW_REFUNDED = "Payment refunded after review"
# A refund the provider has not accepted is retried after this, doubling, at most hourly.
REFUND_RETRY_SECONDS = 30
REFUND_RETRY_MAX_SECONDS = 3600

S = PaymentStatus


def choose_method(*, accepted: list[str], requested: str | None) -> str:
    """The method of a new order or booking: the one asked for, else pay at
    pickup when the service takes it, else online; refused (400 on
    ``payment_method``) unless the service accepts it and this deployment offers it."""
    usable = [method for method in accepted if method in offered_payment_methods()]
    method = requested or (PAY_AT_PICKUP if PAY_AT_PICKUP in accepted else ONLINE)
    if method not in usable:
        offered = ", ".join(usable) or "none right now"
        raise DomainError(
            f"This service does not accept '{method}' (it accepts: {offered}).",
            field="payment_method",
        )
    return method


def payment_open(*, payer, method: str, amount: Decimal | None, currency: str) -> Payment:
    """The payment of a new order or booking, in its creation transaction.
    Online with something to pay: awaiting payment, hidden from the vendor,
    held for ``PAYMENT_HOLD_MINUTES``."""
    if not amount:
        status = S.NOT_REQUIRED
    elif method == PAY_AT_PICKUP:
        status = S.DUE_AT_PICKUP
    else:
        status = S.AWAITING_PAYMENT
    payment = Payment(payer=payer, method=method, status=status, amount=amount, currency=currency)
    if status == S.AWAITING_PAYMENT:
        provider = get_provider()
        payment.reference = f"cs_{secrets.token_hex(16)}"
        payment.provider = provider.name
        payment.visible_to_vendor = False
        payment.hold_expires_at = timezone.now() + timedelta(minutes=settings.PAYMENT_HOLD_MINUTES)
        if provider.name == "dummy":  # its checkout is ours: no call to wait for
            payment.checkout_url = provider.initialize(
                reference=payment.reference, amount=0, currency=currency, email=""
            )
        else:
            transaction.on_commit(lambda: checkout_start(payment=payment))
    payment.save()
    return payment


def checkout_start(*, payment: Payment) -> None:
    """Ask the provider for the checkout page, after the order's commit (no
    network call holds its locks). A failure leaves ``checkout_url`` empty and
    the hold lapses as for any unpaid order."""
    try:
        url = get_provider().initialize(
            reference=payment.reference,
            amount=to_minor(payment.amount, payment.currency),
            currency=payment.currency,
            email=payment.payer.email,
        )
    except ProviderError:
        logger.exception("Could not start the checkout of %s", payment.reference)
        return
    payment.checkout_url = url
    Payment.objects.filter(pk=payment.pk).update(checkout_url=url)


def _move(payment: Payment, sources: tuple[str, ...], when: Q | None = None, **fields) -> bool:
    """Set ``fields`` only if the payment is still in one of ``sources`` (and
    matches ``when``); True when this call made the change (the in-memory row
    follows)."""
    rows = Payment.objects.filter(when or Q(), pk=payment.pk, status__in=sources)
    changed = rows.update(**fields, updated_at=timezone.now())
    if changed:
        for name, value in fields.items():
            setattr(payment, name, value)
    return bool(changed)


def _settling(payment_id: int) -> Payment:
    """Lock what the payment pays for (its listeners), then the payment."""
    publish(events.PaymentSettling(payment_id=payment_id))
    return Payment.objects.select_for_update().get(pk=payment_id)


def _id_of(reference: str) -> int | None:
    return Payment.objects.filter(reference=reference).values_list("pk", flat=True).first()


@transaction.atomic
def charge_succeeded(*, reference: str, amount: int, currency: str) -> Payment | None:
    """The provider charged the payer ``amount`` (minor units). The expected
    amount and currency make it paid (and visible, and the vendor told);
    another makes it need review; a charge for a cancelled order is refunded.
    None for an unknown reference."""
    payment_id = _id_of(reference)
    if payment_id is None:
        return None
    payment = _settling(payment_id)
    currency = currency.upper()
    charged = {
        "charged_amount": from_minor(amount, currency),
        "charged_currency": currency,
        "paid_at": timezone.now(),
    }
    if payment.status == S.AWAITING_PAYMENT:
        expected = charged["charged_amount"] == payment.amount and currency == payment.currency
        if not expected:
            _move(payment, (S.AWAITING_PAYMENT,), status=S.NEEDS_REVIEW, **charged)
        elif _move(
            payment, (S.AWAITING_PAYMENT,), status=S.PAID, visible_to_vendor=True, **charged
        ):
            publish(events.PaymentPaid(payment_id=payment.pk))
    elif payment.status == S.EXPIRED and _move(
        payment, (S.EXPIRED,), Q(charged_amount__isnull=True), **charged
    ):
        _refund_request(payment)
    return payment


@transaction.atomic
def refund_processed(*, reference: str, amount: int | None = None) -> Payment | None:
    """The provider refunded the payment: refunded, with the refund's amount."""
    payment_id = _id_of(reference)
    if payment_id is None:
        return None
    payment = Payment.objects.select_for_update().get(pk=payment_id)
    refund = Refund.objects.filter(payment=payment).first()
    if refund is None:  # refunded on the provider's side, not asked by us
        if payment.charged_amount is None:
            return payment
        refund_amount = from_minor(amount, payment.charged_currency) if amount else None
        refund = _refund_row(payment, refund_amount or payment.charged_amount)
        if refund is None:
            return payment
    now = timezone.now()
    Refund.objects.filter(pk=refund.pk, status=RefundStatus.PENDING).update(
        status=RefundStatus.PROCESSED, processed_at=now
    )
    _move(
        payment,
        (S.REFUND_PENDING, S.PAID, S.NEEDS_REVIEW, S.EXPIRED),
        status=S.REFUNDED,
        refunded_amount=refund.amount,
    )
    return payment


def _refund_row(payment: Payment, amount: Decimal) -> Refund | None:
    """Insert the payment's one refund; None when it has one already (the
    unique key decides, also between racing requests)."""
    try:
        with transaction.atomic():
            return Refund.objects.create(
                payment=payment,
                amount=amount,
                currency=payment.charged_currency or payment.currency,
            )
    except IntegrityError:
        return None


def _refund_request(payment: Payment) -> None:
    """Request the refund of what was charged, once; the task queue calls the
    provider after the commit and retries until it accepts."""
    refund = _refund_row(payment, payment.charged_amount or payment.amount)
    if refund is None:
        return
    _move(payment, (S.PAID, S.NEEDS_REVIEW, S.EXPIRED), status=S.REFUND_PENDING)
    transaction.on_commit(lambda: tasks.refund_send.enqueue(refund_id=refund.pk))


def payment_subject_cancelled(*, payment_id: int) -> None:
    """Its order or booking was cancelled (call under that row's lock): an
    unpaid hold ends, a charge is refunded in full."""
    payment = Payment.objects.select_for_update().get(pk=payment_id)
    if payment.status == S.AWAITING_PAYMENT:
        _move(payment, (S.AWAITING_PAYMENT,), status=S.EXPIRED)
    elif payment.status in (S.PAID, S.NEEDS_REVIEW):
        _refund_request(payment)


def payment_collect(*, payment_id: int) -> None:
    """Its order or booking was completed: money due at pickup is collected."""
    Payment.objects.filter(pk=payment_id, status=S.DUE_AT_PICKUP).update(
        status=S.COLLECTED, updated_at=timezone.now()
    )


@transaction.atomic
def payment_abandon(*, payment_id: int, reason: str, sources=(S.AWAITING_PAYMENT,)) -> bool:
    """Cancel what an unpaid (or, for an operator, under-review) payment pays
    for, as the system; the cancel ends the hold or refunds. True if it did."""
    payment = _settling(payment_id)
    if payment.status not in sources:
        return False
    publish(events.PaymentAbandoned(payment_id=payment_id, reason=reason))
    payment.refresh_from_db()
    if payment.status in sources:  # nothing claimed it: end it here
        payment_subject_cancelled(payment_id=payment_id)
    return True


def holds_expire(*, now=None, limit: int = 500) -> int:
    """Cancel what waited for a payment past its hold; returns how many."""
    now = now or timezone.now()
    lapsed = Payment.objects.filter(status=S.AWAITING_PAYMENT, hold_expires_at__lte=now)
    ids = list(lapsed.order_by("hold_expires_at").values_list("pk", flat=True)[:limit])
    return sum(payment_abandon(payment_id=payment_id, reason=HOLD_LAPSED) for payment_id in ids)


@transaction.atomic
def payment_mark_reviewed(*, payment_id: int) -> bool:
    """An operator accepts a charge under review as the payment: paid,
    visible, the vendor told."""
    payment = _settling(payment_id)
    if _move(
        payment,
        (S.NEEDS_REVIEW,),
        status=S.PAID,
        visible_to_vendor=True,
        reviewed_at=timezone.now(),
    ):
        publish(events.PaymentPaid(payment_id=payment_id))
        return True
    return False


def payment_refund_reviewed(*, payment_id: int) -> bool:
    """An operator refunds a charge under review: its order or booking is
    cancelled as the system and the charge refunded."""
    return payment_abandon(payment_id=payment_id, reason=REVIEW_REFUNDED, sources=(S.NEEDS_REVIEW,))


def refund_attempt(*, refund_id: int) -> bool:
    """Call the provider for a pending refund. True when it accepted (or the
    refund is settled already); False to be retried later."""
    refund = Refund.objects.select_related("payment").get(pk=refund_id)
    if refund.status == RefundStatus.PROCESSED:
        return True
    Refund.objects.filter(pk=refund.pk).update(
        attempts=F("attempts") + 1, requested_at=timezone.now()
    )
    payment = refund.payment
    try:
        processed = get_provider().refund(
            reference=payment.reference, amount=to_minor(refund.amount, refund.currency)
        )
    except ProviderError as exc:
        Refund.objects.filter(pk=refund.pk).update(last_error=str(exc)[:2000])
        logger.warning("Refund %s not accepted yet: %s", refund.pk, exc)
        return False
    Refund.objects.filter(pk=refund.pk).update(last_error="")
    if processed:
        refund_processed(reference=payment.reference)
    return True


def refunds_resend_stale(*, now=None) -> int:
    """Queue again the pending refunds nobody is retrying: never sent (the
    process died between commit and enqueue) or not tried for twice the
    longest retry delay (a worker killed mid-task). Returns how many."""
    now = now or timezone.now()
    never_sent = Q(requested_at__isnull=True, created_at__lt=now - timedelta(minutes=5))
    abandoned = Q(requested_at__lt=now - timedelta(seconds=2 * REFUND_RETRY_MAX_SECONDS))
    stale = Refund.objects.filter(never_sent | abandoned, status=RefundStatus.PENDING)
    ids = list(stale.values_list("pk", flat=True)[:100])
    Refund.objects.filter(pk__in=ids).update(requested_at=now)
    for refund_id in ids:
        tasks.refund_send.enqueue(refund_id=refund_id)
    return len(ids)


def refund_retry_delay(attempts: int) -> timedelta:
    return timedelta(
        seconds=min(REFUND_RETRY_SECONDS * 2 ** max(attempts - 1, 0), REFUND_RETRY_MAX_SECONDS)
    )


def payment_verify(*, reference: str, user) -> Payment:
    """The payer asks: the provider's answer for the charge, applied exactly as
    its webhook would be."""
    payment = Payment.objects.filter(reference=reference, payer=user).first()
    if payment is None:
        raise NotFound("No such payment.")
    charge = get_provider().verify(reference=reference)
    if charge is not None and charge.status == "success":
        charge_succeeded(reference=reference, amount=charge.amount, currency=charge.currency)
        payment.refresh_from_db()
    return payment
