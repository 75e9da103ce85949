"""Where payments plug into the purchase core, once for orders and bookings
alike (subscribed in ``PaymentsConfig.ready``).

Payments hears of a purchase's end through the core's events (a cancel ends
a hold or refunds, a completion collects), and answers its own events over
the registered kinds (``purchases.kinds``): lock the purchase first, in the
lock order of ``purchases.locks``; reveal it to its vendor once paid; cancel
it as the system when its hold lapses. The core never imports payments.
"""

from common.domain_events import subscribe
from purchases import kinds
from purchases import services as purchase_services
from purchases.history import PurchaseCancelled, PurchaseCompleted
from purchases.locks import lock_purchase

from . import return_pages
from . import services as payments
from .events import PaymentAbandoned, PaymentPaid, PaymentSettling


@subscribe(PurchaseCancelled)
def on_purchase_cancelled(event: PurchaseCancelled) -> None:
    payments.payment_subject_cancelled(payment_id=event.payment_id)


@subscribe(PurchaseCompleted)
def on_purchase_completed(event: PurchaseCompleted) -> None:
    payments.payment_collect(payment_id=event.payment_id)


@return_pages.register
def purchase_page(payment_id: int) -> return_pages.ReturnPage | None:
    """The purchase's page in the web app, where its payer returns from the checkout."""
    found = kinds.paid_by(payment_id)
    if found is None:
        return None
    kind, purchase_id = found
    return return_pages.ReturnPage(kind=kind.name, path=kind.web_path.format(id=purchase_id))


@subscribe(PaymentSettling)
def on_settling(event: PaymentSettling) -> None:
    # The payment row is locked after its purchase, the way a cancel locks it.
    found = kinds.paid_by(event.payment_id)
    if found is not None:
        lock_purchase(*found, cancelling=True)


@subscribe(PaymentPaid)
def on_paid(event: PaymentPaid) -> None:
    # The vendor's "new order/booking" notification goes out now (notifications).
    found = kinds.paid_by(event.payment_id)
    if found is not None:
        purchase_services.mark_paid(*found)


@subscribe(PaymentAbandoned)
def on_abandoned(event: PaymentAbandoned) -> None:
    found = kinds.paid_by(event.payment_id)
    if found is None:
        return
    kind, purchase_id = found
    still_open = {f"{kind.status_field}__in": kind.operator_cancellable}
    if kind.model.objects.filter(pk=purchase_id, **still_open).exists():
        # As the system: no actor in the history; the customer is told.
        purchase_services.operator_cancel(kind, purchase_id, actor=None, reason=event.reason)
