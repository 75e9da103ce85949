"""What the accounts domain announces (``common.domain_events.publish``) to
higher layers, which it never imports."""

from dataclasses import dataclass


@dataclass(frozen=True)
class AccountEmail:
    """An email about the account itself (a reset or verification link),
    published inside the transaction that calls for it; the notifications
    domain queues it on its outbox, which sends it once after the commit."""

    user_id: int
    to: str
    subject: str
    body: str
