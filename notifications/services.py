"""Writes of the notifications domain: notifying, marking read, stream tickets
and the email outbox."""

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from common.plans import create
from notifications.live.broker import announce
from notifications.live.sessions import session_of
from notifications.models import EmailOutbox, EventTicket, Notification, subject_type_of
from notifications.outbox import outbox_overdue
from notifications.tasks import enqueue_email

TICKET_LIFETIME = timedelta(seconds=60)
MAX_MARK_READ_IDS = 1000


def notification_create(
    *,
    recipient_id: int | None,
    actor_id: int | None,
    kind: str,
    title: str,
    body: str,
    subject=None,
    service=None,
    email_to: str = "",
) -> Notification | None:
    """Notify a user, in the caller's transaction. Nobody is notified of their
    own action. ``subject`` is the order or booking it is about, if any;
    ``email_to`` also queues an email, sent after the commit. Takes ids, not
    users, so notifying costs no extra query to load them."""
    if recipient_id is None or recipient_id == actor_id:
        return None
    notification = create(
        Notification,
        recipient_id=recipient_id,
        kind=kind,
        title=title[:200],
        body=body,
        subject_type=subject_type_of(subject) if subject is not None else "",
        subject_id=subject.pk if subject is not None else None,
        service=service,
    )
    announce(user_id=recipient_id, notification_id=notification.pk)
    if email_to:
        outbox_email_queue(to=email_to, subject=title, body=body, notification=notification)
    return notification


@transaction.atomic
def notifications_mark_read(*, user, ids: Iterable[int] | None = None) -> int:
    """Mark the caller's own notifications read (all of them without ``ids``);
    ids of others' notifications are ignored. Returns how many changed."""
    queryset = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    return queryset.update(read_at=timezone.now())


# --- stream tickets ---------------------------------------------------------------


def _ticket_hash(ticket: str) -> str:
    return hashlib.sha256(ticket.encode()).hexdigest()


@transaction.atomic
def ticket_issue(*, user) -> tuple[str, EventTicket]:
    """A new single-use ticket; only its hash is stored. Expired tickets of a
    while ago are swept here, so the table stays small without a cron job."""
    now = timezone.now()
    EventTicket.objects.filter(expires_at__lt=now - timedelta(hours=1)).delete()
    ticket = secrets.token_urlsafe(32)
    row = EventTicket.objects.create(
        user=user,
        key_hash=_ticket_hash(ticket),
        expires_at=now + TICKET_LIFETIME,
        session=session_of(user),
    )
    return ticket, row


def ticket_redeem(*, ticket: str):
    """The active user a ticket was issued to, using the ticket up; ``None`` for
    a used, expired or unknown ticket, or one minted before the user's last
    password change. A conditional UPDATE decides, so two requests racing
    with one ticket cannot both open a stream."""
    if not ticket or len(ticket) > 200:
        return None
    now = timezone.now()
    key_hash = _ticket_hash(ticket)
    with transaction.atomic():
        claimed = EventTicket.objects.filter(
            key_hash=key_hash, used_at__isnull=True, expires_at__gt=now
        ).update(used_at=now)
        if claimed != 1:
            return None
        row = EventTicket.objects.select_related("user").get(key_hash=key_hash)
    user = row.user
    return user if user.is_active and row.session == session_of(user) else None


# --- email outbox ------------------------------------------------------------------


def outbox_email_queue(*, to: str, subject: str, body: str, notification=None) -> EmailOutbox:
    """Queue an email in the caller's transaction; the task sends it once,
    after the commit (nothing is sent for a change that rolls back)."""
    outbox = EmailOutbox.objects.create(
        notification=notification, to=to, subject=subject[:200], body=body
    )
    transaction.on_commit(lambda: enqueue_email(outbox_id=outbox.pk))
    return outbox


def outbox_sweep(*, overdue: timedelta) -> list[int]:
    """Re-queue every unsent email whose send task is ``overdue`` past its due
    time: its worker died mid-send (SIGKILL, a lost machine), leaving the task
    RUNNING forever and the row unsent; or its task was never queued. Never
    sent twice: the send claims the row and marks it sent in one transaction,
    so a re-queued email that was sent meanwhile, or is being sent now, is
    skipped. Emails that used up their attempts stay failed. Returns the ids
    re-queued."""
    ids = outbox_overdue(overdue=overdue)
    for outbox_id in ids:
        enqueue_email(outbox_id=outbox_id)
    return ids
