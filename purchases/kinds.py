"""What a domain declares once to be a purchase: its model and statuses, its
history rows, its transition table, and the few hooks where orders and
bookings really differ. The core's transitions, history, locks, visibility
and operator cancel read this declaration instead of being written twice;
payments finds "the purchase of payment N" through the registry."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model

Table = dict[str, dict[str, tuple[str, ...]]]


# eq=False: one instance per kind, compared and hashed by identity.
@dataclass(frozen=True, eq=False)
class PurchaseKind:
    name: str  # "order" or "booking": the noun in messages, URLs and events
    model: type[Model]
    status_field: str  # "order_status"
    event_model: type[Model]  # the history row (OrderEvent)
    event_subject: str  # its foreign key to the purchase ("order")
    status_changed_event: str  # the history kind of a status change
    paid_event: str  # the history kind written when the online payment is accepted
    transitions: Table  # role -> {from: (to, ...)}
    operator_cancellable: tuple[str, ...]
    cancelled: str
    completed: str
    # Gives back what a cancel frees (pickup place and stock, a seat), under
    # the lock order of ``purchases.locks``.
    release: Callable[[Model], None]
    # Why an operator may not cancel a purchase in this status ({status}).
    not_cancellable: str = "A '{status}' {noun} is final and cannot be cancelled."
    # Extra words after a refused move, per role ("As the customer you may ...").
    role_hints: dict[str, str] = field(default_factory=dict)
    # Bookings keep who moved them in the event's data ({"by": role}).
    records_role: bool = False

    def status_of(self, purchase) -> str:
        return getattr(purchase, self.status_field)

    @property
    def web_path(self) -> str:
        """The web app's page of one purchase, ``/orders/{id}``."""
        return f"/{self.name}s/{{id}}"


_registry: dict[str, PurchaseKind] = {}


def register(kind: PurchaseKind) -> PurchaseKind:
    """Called once by each domain, when its kind module is imported."""
    _registry[kind.name] = kind
    return kind


def registered() -> tuple[PurchaseKind, ...]:
    return tuple(_registry.values())


def paid_by(payment_id: int) -> tuple[PurchaseKind, int] | None:
    """The kind and id of the purchase payment ``payment_id`` pays for, or None."""
    for kind in _registry.values():
        found = (
            kind.model.objects.filter(payment_id=payment_id).values_list("pk", flat=True).first()
        )
        if found is not None:
            return kind, found
    return None
