"""Who may move a purchase from which status to which, over a kind's table.

Each domain keeps only its table (``orders.transitions.TRANSITIONS``:
role -> {from: (to, ...)}) and any rule that is really its own (bookings'
clock rules); the reading of the table is written here once. Only the
service's vendor and the customer have a role: admins see every purchase
but move none along the table (an operator cancels, ``purchases.services``).
"""

from .kinds import PurchaseKind

VENDOR = "vendor"
CUSTOMER = "customer"


def role_on(purchase, user) -> str | None:
    """``"vendor"`` for the service's vendor, ``"customer"`` for who bought,
    None for anyone else (admins included)."""
    if user is None or not user.is_authenticated:
        return None
    if purchase.service.vendor_id == user.pk:
        return VENDOR
    if purchase.customer_id == user.pk:
        return CUSTOMER
    return None


def targets(kind: PurchaseKind, role: str | None, from_status: str) -> tuple[str, ...]:
    """The statuses ``role`` may move a purchase in ``from_status`` to."""
    if role is None:
        return ()
    return kind.transitions.get(role, {}).get(from_status, ())


def is_final(kind: PurchaseKind, status: str) -> bool:
    """No role may move a purchase on from ``status``."""
    return not any(status in table for table in kind.transitions.values())


def step_refusal(kind: PurchaseKind, role: str | None, current: str, to_status: str) -> str | None:
    """Why ``role`` may not move a purchase from ``current`` to ``to_status``
    by the table, or None when the table allows it."""
    allowed = targets(kind, role, current)
    if to_status in allowed:
        return None
    message = f"Cannot change status from '{current}' to '{to_status}'."
    if role in kind.role_hints:
        return f"{message} {kind.role_hints[role]}"
    if allowed:
        return f"{message} From '{current}' it can go to: {', '.join(sorted(allowed))}."
    if is_final(kind, current):
        return f"{message} A '{current}' {kind.name} is final."
    return message


def allowed_transitions(kind: PurchaseKind, purchase, user) -> list[str]:
    """What ``user`` may move ``purchase`` to now by the table; [] when nothing."""
    return list(targets(kind, role_on(purchase, user), kind.status_of(purchase)))
