"""The payment methods a service may accept, and which of them this deployment
offers. Here, below catalogue, so a service's ``payment_methods`` can be
checked without importing the payments domain."""

from django.conf import settings

PAY_AT_PICKUP = "pay_at_pickup"
ONLINE = "online"
PAYMENT_METHODS = (PAY_AT_PICKUP, ONLINE)
DEFAULT_PAYMENT_METHODS = [PAY_AT_PICKUP]


def default_payment_methods() -> list[str]:
    return list(DEFAULT_PAYMENT_METHODS)


def offered_payment_methods() -> list[str]:
    """``pay_at_pickup``, plus ``online`` when a provider is configured: with
    DEBUG off only a real provider with its secret key counts (the dummy
    provider pays nothing); see ``PAYMENT_ONLINE_OFFERED`` in the settings."""
    return [PAY_AT_PICKUP, ONLINE] if settings.PAYMENT_ONLINE_OFFERED else [PAY_AT_PICKUP]
