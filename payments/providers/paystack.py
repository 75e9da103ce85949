"""Paystack's initialize, verify, refund and transaction list, over httpx
with timeouts and retries. Amounts here are minor units (pesewas, kobo)."""

import logging
import time
from datetime import datetime

import httpx

from .base import Charge, ProviderError

logger = logging.getLogger(__name__)

ATTEMPTS = 3
BACKOFF_SECONDS = 0.2
# What Paystack answers when asked again to refund a refunded charge.
ALREADY_REFUNDED = ("fully reversed", "already been refunded", "fully refunded")


class PaystackProvider:
    name = "paystack"

    def __init__(self, *, api_url: str, secret_key: str, timeout: float):
        self.api_url = api_url.rstrip("/")
        self.secret_key = secret_key
        self.timeout = timeout

    @property
    def webhook_secret(self) -> str:
        return self.secret_key

    def _request(self, method: str, path: str, **kwargs) -> dict:
        """One call, retried on timeouts, connection failures and 5xx answers
        (every call here is safe to repeat: initialize and refund are refused
        the second time, which the callers read as done)."""
        headers = {"Authorization": f"Bearer {self.secret_key}"}
        last = "no attempt"
        for attempt in range(ATTEMPTS):
            if attempt:
                time.sleep(BACKOFF_SECONDS * 2 ** (attempt - 1))
            try:
                with httpx.Client(base_url=self.api_url, timeout=self.timeout) as client:
                    response = client.request(method, path, headers=headers, **kwargs)
            except httpx.HTTPError as exc:
                last = f"{type(exc).__name__}: {exc}"
                logger.warning("Paystack %s %s failed: %s", method, path, last)
                continue
            if response.status_code >= 500:
                last = f"HTTP {response.status_code}"
                logger.warning("Paystack %s %s answered %s", method, path, last)
                continue
            try:
                body = response.json()
            except ValueError:
                raise ProviderError(
                    f"Paystack answered HTTP {response.status_code}, not JSON"
                ) from None
            if response.status_code >= 400 or not body.get("status", False):
                raise ProviderError(str(body.get("message", response.status_code)), retryable=False)
            return body
        raise ProviderError(f"Paystack did not answer ({last})")

    def initialize(self, *, reference: str, amount: int, currency: str, email: str) -> str:
        body = self._request(
            "POST",
            "/transaction/initialize",
            json={"reference": reference, "amount": amount, "currency": currency, "email": email},
        )
        return body["data"]["authorization_url"]

    def verify(self, *, reference: str) -> Charge | None:
        try:
            body = self._request("GET", f"/transaction/verify/{reference}")
        except ProviderError as exc:
            if exc.retryable:
                raise
            return None  # Paystack refuses unknown references with a 4xx
        return _charge(body["data"])

    def refund(self, *, reference: str, amount: int) -> bool:
        try:
            body = self._request(
                "POST", "/refund", json={"transaction": reference, "amount": amount}
            )
        except ProviderError as exc:
            if not exc.retryable and any(text in str(exc).lower() for text in ALREADY_REFUNDED):
                return True
            raise
        return (body.get("data") or {}).get("status") == "processed"

    def transactions(self, *, start: datetime, end: datetime) -> list[Charge]:
        charges, page = [], 1
        while True:
            body = self._request(
                "GET",
                "/transaction",
                params={
                    "from": start.isoformat(),
                    "to": end.isoformat(),
                    "status": "success",
                    "perPage": 100,
                    "page": page,
                },
            )
            charges += [_charge(row) for row in body.get("data") or []]
            if page >= int((body.get("meta") or {}).get("pageCount") or 1):
                return charges
            page += 1


def _charge(data: dict) -> Charge:
    paid_at = data.get("paid_at") or data.get("paidAt")
    return Charge(
        reference=str(data.get("reference", "")),
        status=str(data.get("status", "")),
        amount=int(data.get("amount") or 0),
        currency=str(data.get("currency", "")).upper(),
        paid_at=datetime.fromisoformat(paid_at.replace("Z", "+00:00")) if paid_at else None,
    )
