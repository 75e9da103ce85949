"""Payments (payments/): the provider, its keys and the payment hold."""

from django.core.exceptions import ImproperlyConfigured

from config.settings.core import DEBUG
from config.settings.env import env_float, env_int, env_str

# `dummy` (no network; the app's own checkout page) or `paystack`.
PAYMENT_PROVIDER = env_str("PAYMENT_PROVIDER", "dummy")
if PAYMENT_PROVIDER not in {"dummy", "paystack"}:
    raise ImproperlyConfigured("PAYMENT_PROVIDER must be 'dummy' or 'paystack'.")
# Signs the dummy provider's webhooks; the development default exists only with DEBUG.
PAYMENT_WEBHOOK_SECRET = env_str(
    "PAYMENT_WEBHOOK_SECRET", "dev-payment-webhook-secret" if DEBUG else ""
)
PAYSTACK_API_URL = env_str("PAYSTACK_API_URL", "https://api.paystack.co").rstrip("/")
# Authenticates the API calls and signs Paystack's webhooks.
PAYSTACK_SECRET_KEY = env_str("PAYSTACK_SECRET_KEY")
PAYSTACK_TIMEOUT_SECONDS = env_float("PAYSTACK_TIMEOUT_SECONDS", 10.0)
# Derived, not read: `online` is offered with a real provider that has its key,
# or with the dummy one only while DEBUG is on.
PAYMENT_ONLINE_OFFERED = (
    bool(PAYSTACK_SECRET_KEY)
    if PAYMENT_PROVIDER == "paystack"
    else DEBUG and bool(PAYMENT_WEBHOOK_SECRET)
)
# An unpaid online order or booking is cancelled this long after creation.
PAYMENT_HOLD_MINUTES = max(1, env_int("PAYMENT_HOLD_MINUTES", 15))
