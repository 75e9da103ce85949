"""Emails about the account itself (reset and verification links), which the
users domain announces and this one sends through the same outbox and task
as notification emails: after the commit, retried, never twice."""

from common.domain_events import subscribe
from notifications.services import outbox_email_queue
from users.events import AccountEmail


@subscribe(AccountEmail)
def queue_account_email(event: AccountEmail) -> None:
    outbox_email_queue(to=event.to, subject=event.subject, body=event.body)
