"""The email outbox's rows: sending one at most once, recording a failure,
finding those whose task died. Below both ``tasks`` (which runs the send) and
``services`` (which queues emails and sweeps), so neither imports the other
for them; nothing here queues a task."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from notifications.models import EmailOutbox


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


def outbox_email_due(*, outbox_id: int, due_at) -> None:
    """Note when the latest send task queued for an email is due."""
    EmailOutbox.objects.filter(pk=outbox_id).update(due_at=due_at)


def outbox_overdue(*, overdue: timedelta) -> list[int]:
    """Unsent emails whose send task is ``overdue`` past its due time, and those
    never queued that long after they were written (the process died between
    the commit and queuing the task). Emails that used up their attempts stay
    failed."""
    cutoff = timezone.now() - overdue
    return list(
        EmailOutbox.objects.filter(sent_at__isnull=True, attempts__lt=settings.EMAIL_MAX_ATTEMPTS)
        .filter(Q(due_at__lt=cutoff) | Q(due_at__isnull=True, created_at__lt=cutoff))
        .values_list("pk", flat=True)
    )
