"""The dummy provider's checkout page: a small server-rendered page where the
payer pays or fails. Paying sends the provider's signed ``charge.success``
through the webhook code, as a real provider's checkout and webhook would.
The unguessable reference in its address is what grants access (a payer's
phone browser holds no API token), so the page needs no login or CSRF token."""

import json
import re

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from payments import return_pages, webhooks
from payments.models import Payment, PaymentStatus
from payments.money import to_minor
from payments.providers import get_provider

OUTCOMES = {"success", "failure"}
# The characters a reference may hold (as in the API's URLs); anything else is
# a 404 before any lookup.
REFERENCE = re.compile(r"[A-Za-z0-9_.=-]{1,64}")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def checkout(request, reference):
    if settings.PAYMENT_PROVIDER != "dummy" or not REFERENCE.fullmatch(reference):
        raise Http404("No such checkout.")
    payment = Payment.objects.filter(reference=reference, provider="dummy").first()
    if payment is None:
        raise Http404("No such checkout.")
    message, shown, status = "", "", 200
    if request.method == "POST":
        outcome = request.POST.get("outcome")
        if outcome not in OUTCOMES:
            message, status = "Choose to pay or to fail.", 400
        elif payment.status != PaymentStatus.AWAITING_PAYMENT:
            message = "This payment is no longer waiting to be paid."
        elif outcome == "failure":
            message = "The payment failed. Nothing was charged; you can try again."
            shown = "failed"
        else:
            provider = get_provider()
            body = json.dumps(
                {
                    "event": "charge.success",
                    "data": {
                        "reference": payment.reference,
                        "amount": to_minor(payment.amount, payment.currency),
                        "currency": payment.currency,
                        "status": "success",
                    },
                }
            ).encode()
            webhooks.handle(body, webhooks.sign_for(provider, body))
            shown = "paid"
        payment.refresh_from_db()
    back = return_pages.return_page(payment.pk)
    kind = back.kind if back else "order"
    if shown == "paid":
        message = f"Paid. Your {kind}'s page shows it now."
    return render(
        request,
        "payments/checkout.html",
        {
            "payment": payment,
            "message": message,
            "outcome": shown,
            "awaiting": payment.status == PaymentStatus.AWAITING_PAYMENT,
            "kind": kind,
            "back_url": back.path if back else "",
        },
        status=status,
    )
