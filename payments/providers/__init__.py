"""The configured provider (``PAYMENT_PROVIDER``). The domain reaches a
provider only through ``get_provider()``."""

from django.conf import settings

from .base import Charge, Provider, ProviderError

__all__ = ["Charge", "Provider", "ProviderError", "get_provider"]


def get_provider() -> Provider:
    if settings.PAYMENT_PROVIDER == "paystack":
        from .paystack import PaystackProvider

        return PaystackProvider(
            api_url=settings.PAYSTACK_API_URL,
            secret_key=settings.PAYSTACK_SECRET_KEY,
            timeout=settings.PAYSTACK_TIMEOUT_SECONDS,
        )
    from .dummy import DummyProvider

    return DummyProvider()
