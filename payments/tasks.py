"""Payment work on the task queue (django-tasks; ``manage.py db_worker``):
refunds retried until the provider accepts, the dummy provider's refund
confirmations, and two recurring jobs that re-enqueue themselves: hold expiry
every ``EXPIRY_EVERY_SECONDS`` and reconciliation daily. ``manage.py
payments_schedule`` starts the recurring ones (``make run`` calls it)."""

import json
import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

EXPIRY_EVERY_SECONDS = 30
RECONCILE_EVERY = timedelta(days=1)


def enqueue_later(job, seconds: float, **kwargs):
    """Enqueue ``job`` to run in ``seconds`` (now, on a backend that cannot defer)."""
    if job.get_backend().supports_defer:
        job = job.using(run_after=timezone.now() + timedelta(seconds=seconds))
    return job.enqueue(**kwargs)


def is_queued(job) -> bool:
    """Whether ``job`` waits in the database queue already (another backend: no)."""
    try:
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # pragma: no cover
        return False
    return DBTaskResult.objects.filter(status="READY", task_path=job.module_path).exists()


@task()
def refund_send(refund_id: int) -> bool:
    """Ask the provider for a refund; not accepted: ask again later, waiting
    longer each time (the admin lists refunds pending for long)."""
    from payments import services
    from payments.models import Refund

    if services.refund_attempt(refund_id=refund_id):
        return True
    attempts = Refund.objects.filter(pk=refund_id).values_list("attempts", flat=True).first() or 1
    delay = services.refund_retry_delay(attempts)
    enqueue_later(refund_send, delay.total_seconds(), refund_id=refund_id)
    return False


@task()
def dummy_refund_confirm(reference: str, amount: int) -> str:
    """The dummy provider's ``refund.processed``, signed and handled as a real
    provider's webhook is."""
    from payments import webhooks
    from payments.providers import get_provider

    body = json.dumps(
        {"event": "refund.processed", "data": {"reference": reference, "amount": amount}}
    ).encode()
    return webhooks.handle(body, webhooks.sign_for(get_provider(), body))


@task()
def holds_expire_tick() -> int:
    """Cancel lapsed holds (and queue again refunds nobody retries), then come
    back in ``EXPIRY_EVERY_SECONDS``."""
    from payments import services

    try:
        services.refunds_resend_stale()
        return services.holds_expire()
    finally:
        enqueue_later(holds_expire_tick, EXPIRY_EVERY_SECONDS)


@task()
def reconcile_tick() -> int:
    """Reconcile yesterday and today with the provider, then again tomorrow."""
    from payments import reconciliation

    try:
        today = timezone.localdate()
        report = reconciliation.reconcile(first=today - timedelta(days=1), last=today)
        for line in report.lines():
            logger.warning("Reconciliation: %s", line)
        return len(report.mismatches)
    finally:
        enqueue_later(reconcile_tick, RECONCILE_EVERY.total_seconds())
