"""What payments announces (``common.domain_events.publish``) to whatever an
order or booking is paid for. Payments never imports orders or bookings: they
subscribe, find their row by ``payment_id`` and act through their own rules."""

from dataclasses import dataclass


@dataclass(frozen=True)
class PaymentSettling:
    """A payment's state is about to change: lock what it pays for first, so
    every path takes the locks in one order (order/booking, then payment)."""

    payment_id: int


@dataclass(frozen=True)
class PaymentPaid:
    """The charge was accepted: the order or booking becomes the vendor's to
    see, and the vendor is told now."""

    payment_id: int


@dataclass(frozen=True)
class PaymentAbandoned:
    """The hold lapsed unpaid (or an operator refunds a payment under review):
    cancel what it pays for, as the system, through its one cancel path."""

    payment_id: int
    reason: str
