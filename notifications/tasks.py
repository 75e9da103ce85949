"""Background tasks (django-tasks; the database backend by default, whose
worker is ``manage.py task_worker``). Queued tasks name their function by
module path, so ``send_outbox_email`` stays here."""

import logging
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from notifications import outbox

logger = logging.getLogger(__name__)


@task()
def send_outbox_email(outbox_id: int) -> bool:
    """Send one outbox email; on failure, queue a retry with a growing delay (up
    to ``EMAIL_MAX_ATTEMPTS`` in all) and fail this run so the failure shows.
    The outbox row, not this task, makes delivery once-only: a second run of a
    sent email does nothing."""
    try:
        return outbox.outbox_email_send(outbox_id=outbox_id)
    except Exception as exc:
        attempts = outbox.outbox_email_failed(outbox_id=outbox_id, error=repr(exc))
        if attempts >= settings.EMAIL_MAX_ATTEMPTS:
            logger.error("Email %s failed %s times; giving up", outbox_id, attempts)
            raise
        delay = timedelta(seconds=settings.EMAIL_RETRY_SECONDS * 2 ** (attempts - 1))
        enqueue_email(outbox_id=outbox_id, run_after=timezone.now() + delay)
        logger.warning("Email %s failed (attempt %s); retrying in %s", outbox_id, attempts, delay)
        raise


def enqueue_email(*, outbox_id: int, run_after=None) -> None:
    """Queue the send task of one outbox email (at ``run_after`` when given),
    and note when it is due, for ``services.outbox_sweep``."""
    send = send_outbox_email
    if run_after is not None and send.get_backend().supports_defer:
        send = send.using(run_after=run_after)
    outbox.outbox_email_due(outbox_id=outbox_id, due_at=run_after or timezone.now())
    send.enqueue(outbox_id=outbox_id)
