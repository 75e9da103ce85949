"""The one interface the domain asks; a provider module answers it."""

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


class ProviderError(Exception):
    """The provider refused, failed or did not answer in time. ``retryable``
    says whether asking again later may succeed."""

    def __init__(self, message: str, *, retryable: bool = True):
        super().__init__(message)
        self.retryable = retryable


@dataclass(frozen=True)
class Charge:
    """A transaction as the provider reports it; ``amount`` in minor units."""

    reference: str
    status: str  # "success", "failed", "abandoned", "pending"...
    amount: int
    currency: str
    paid_at: datetime | None = None


class Provider(Protocol):
    name: str

    @property
    def webhook_secret(self) -> str: ...

    def initialize(self, *, reference: str, amount: int, currency: str, email: str) -> str:
        """Start a checkout; returns the URL the payer opens."""

    def verify(self, *, reference: str) -> Charge | None:
        """The charge of ``reference``; None when the provider has none."""

    def refund(self, *, reference: str, amount: int) -> bool:
        """Ask for a refund of ``amount``; True when the provider says it is
        already processed (then no refund.processed event is awaited)."""

    def transactions(self, *, start: datetime, end: datetime) -> list[Charge]:
        """Successful charges made within ``[start, end)``, for reconciliation."""
