"""Provider events: signature over the raw bytes first, then each event
recorded once under a digest of its body and applied in the same
transaction. A replay meets the unique key (on PostgreSQL a racing replay
waits for the first to commit, then fails) and changes nothing."""

import hashlib
import json

from django.db import IntegrityError, transaction

from common.exceptions import DomainError, Unauthenticated

from . import services, signatures
from .models import ProviderEvent
from .providers import Provider, get_provider

IGNORED = "ignored"


def sign_for(provider: Provider, body: bytes) -> str:
    return signatures.sign(body, provider.webhook_secret)


def _reference(data: dict) -> str:
    reference = data.get("reference") or data.get("transaction_reference") or ""
    return str(reference)[:64]


def _minor(data: dict, name: str = "amount") -> int | None:
    value = data.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit():
        raise DomainError("amount must be a whole number of minor units.", field="amount")
    return int(value)


def handle(raw: bytes, signature: str | None) -> str:
    """Verify and apply one webhook; returns what happened (for the log and
    the 200 answer). 401 on a bad signature, before anything is read."""
    provider = get_provider()
    if not signatures.is_valid(raw, signature, provider.webhook_secret):
        raise Unauthenticated("Missing or invalid webhook signature.", code="bad_signature")
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):
        raise DomainError("The body is not JSON.") from None
    if not isinstance(body, dict) or not isinstance(body.get("data"), dict):
        raise DomainError("Expected {event, data: {...}}.")
    event, data = str(body.get("event", ""))[:64], body["data"]
    reference = _reference(data)
    key = hashlib.sha256(raw).hexdigest()
    try:
        with transaction.atomic():
            record = ProviderEvent.objects.create(
                key=key, event=event, reference=reference, payload=body
            )
            outcome = _apply(event, data, reference)
            record.outcome = outcome
            record.save(update_fields=["outcome"])
    except IntegrityError:
        if ProviderEvent.objects.filter(key=key).exists():
            return "duplicate"
        raise
    return outcome


def _apply(event: str, data: dict, reference: str) -> str:
    if event == "charge.success":
        amount = _minor(data)
        if amount is None or not isinstance(data.get("currency"), str):
            raise DomainError("charge.success needs amount and currency.")
        if str(data.get("status", "success")) != "success":
            return IGNORED
        payment = services.charge_succeeded(
            reference=reference, amount=amount, currency=data["currency"]
        )
    elif event == "refund.processed":
        payment = services.refund_processed(reference=reference, amount=_minor(data))
    else:
        return IGNORED
    return IGNORED if payment is None else payment.status
