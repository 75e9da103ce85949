"""Webhook signatures, one implementation for every provider: the hex
HMAC-SHA512 of the raw body under the webhook secret."""

import hashlib
import hmac


def sign(body: bytes, secret: str) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha512).hexdigest()


def is_valid(body: bytes, signature: str | None, secret: str) -> bool:
    """False without a secret, so an unconfigured deployment accepts nothing."""
    if not secret or not signature:
        return False
    return hmac.compare_digest(sign(body, secret), signature.strip().lower())
