import json

from django.conf import settings

from payments import signatures

WEBHOOK_URL = "/api/payments/webhook/"


def verify_url(reference: str) -> str:
    return f"/api/payments/{reference}/verify/"


def event_body(event: str, reference: str, amount: int, currency: str = "GHS") -> bytes:
    data = {"reference": reference, "amount": amount, "currency": currency, "status": "success"}
    return json.dumps({"event": event, "data": data}).encode()


def post_webhook(client, body: bytes, signature: str | None = "sign"):
    """POST ``body`` as the provider would; ``"sign"`` signs it with the secret."""
    extra = {}
    if signature == "sign":
        signature = signatures.sign(body, settings.PAYMENT_WEBHOOK_SECRET)
    if signature is not None:
        extra["HTTP_X_PAYSTACK_SIGNATURE"] = signature
    return client.post(WEBHOOK_URL, data=body, content_type="application/json", **extra)


def charge(client, payment: dict, *, amount: int | None = None, currency: str | None = None):
    """The provider's ``charge.success`` for an order's or booking's payment."""
    minor = round(float(payment["amount"]) * 100) if amount is None else amount
    body = event_body(
        "charge.success", payment["reference"], minor, currency or payment["currency"]
    )
    return post_webhook(client, body)


def refunded(client, reference: str, amount: int):
    return post_webhook(client, event_body("refund.processed", reference, amount))
