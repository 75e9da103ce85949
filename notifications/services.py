"""Writes of the notifications domain: notifying, marking read, stream tickets
and the email outbox."""

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from common.plans import create
from notifications.live.broker import announce
from notifications.live.sessions import session_of
from notifications.models import EmailOutbox, EventTicket, Notification

TICKET_LIFETIME = timedelta(seconds=60)
MAX_MARK_READ_IDS = 1000


def notification_create(
    *,
    recipient_id: int | None,
    actor_id: int | None,
    kind: str,
    title: str,
    body: str,
    order=None,
    booking=None,
    service=None,
    email_to: str = "",
) -> Notification | None:
    """Notify a user, in the caller's transaction. Nobody is notified of their
    own action. ``email_to`` also queues an email, sent after the commit.
    Takes ids, not users, so notifying costs no extra query to load them."""
    if recipient_id is None or recipient_id == actor_id:
        return None
    notification = create(
        Notification,
        recipient_id=recipient_id,
        kind=kind,
        title=title[:200],
        body=body,
        order=order,
        booking=booking,
        service=service,
    )
    announce(user_id=recipient_id, notification_id=notification.pk)
    if email_to:
        outbox = EmailOutbox.objects.create(
            notification=notification, to=email_to, subject=title[:200], body=body
        )
        transaction.on_commit(lambda: enqueue_email(outbox_id=outbox.pk))
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


def enqueue_email(*, outbox_id: int, run_after=None) -> None:
    """Queue the send task of one outbox email (at ``run_after`` when given),
    and note when it is due, for ``outbox_sweep``."""
    from notifications.tasks import send_outbox_email

    task = send_outbox_email
    if run_after is not None and task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    EmailOutbox.objects.filter(pk=outbox_id).update(due_at=run_after or timezone.now())
    task.enqueue(outbox_id=outbox_id)


def outbox_sweep(*, overdue: timedelta) -> list[int]:
    """Re-queue every unsent email whose send task is ``overdue`` past its due
    time: its worker died mid-send (SIGKILL, a lost machine), leaving the task
    RUNNING forever and the row unsent. Never sent twice: the send claims the
    row and marks it sent in one transaction, so a re-queued email that was
    sent meanwhile, or is being sent now, is skipped. Emails that used up
    their attempts stay failed. Returns the ids re-queued."""
    from django.conf import settings

    cutoff = timezone.now() - overdue
    ids = list(
        EmailOutbox.objects.filter(sent_at__isnull=True, attempts__lt=settings.EMAIL_MAX_ATTEMPTS)
        .filter(Q(due_at__lt=cutoff) | Q(due_at__isnull=True, created_at__lt=cutoff))
        .values_list("pk", flat=True)
    )
    for outbox_id in ids:
        enqueue_email(outbox_id=outbox_id)
    return ids


def outbox_email_send(*, outbox_id: int) -> bool:
    """Send one outbox email at most once: the row is claimed (locked, still
    unsent) and marked sent in the same transaction as the send. A failure
    rolls the claim back, leaving the row for the retry. Returns whether this
    call sent it."""
    from django.core.mail import send_mail

    with transaction.atomic():
        row = (
            EmailOutbox.objects.select_for_update(skip_locked=True)
            .filter(pk=outbox_id, sent_at__isnull=True)
            .first()
        )
        if row is None:
            return False  # sent already, or another worker holds it right now
        send_mail(row.subject, row.body, None, [row.to], fail_silently=False)
        row.sent_at = timezone.now()
        row.attempts += 1
        row.save(update_fields=["sent_at", "attempts"])
    return True


def outbox_email_failed(*, outbox_id: int, error: str) -> int:
    """Record a failed attempt; returns the number of attempts so far."""
    with transaction.atomic():
        row = EmailOutbox.objects.select_for_update().get(pk=outbox_id)
        row.attempts += 1
        row.last_error = error[:2000]
        row.save(update_fields=["attempts", "last_error"])
    return row.attempts


def outbox_unsent(*, older_than: timedelta) -> list[int]:
    cutoff = timezone.now() - older_than
    return list(
        EmailOutbox.objects.filter(sent_at__isnull=True, created_at__lt=cutoff).values_list(
            "pk", flat=True
        )
    )
