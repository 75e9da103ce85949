"""Emails for what a student must not miss leave through the outbox and the
task queue: after the commit, outside the request, retried after a failure,
and never sent twice."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from catalogue.tests.factories import ServiceFactory, ServiceItemFactory
from conftest import client_for
from notifications.models import EmailOutbox, Notification
from notifications.services import notification_create
from notifications.tasks import send_outbox_email
from users.tests.factories import StudentFactory, VendorFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _tasks_in_the_database(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.EMAIL_RETRY_SECONDS = 0


def ready_order() -> tuple[object, object]:
    """An order its vendor marked ready, through the API: one email owed."""
    vendor, customer = VendorFactory(), StudentFactory()
    item = ServiceItemFactory(service=ServiceFactory(vendor=vendor), price=Decimal("2.00"))
    body = {"service": item.service_id, "items": [{"service_item": item.pk, "quantity": 1}]}
    order = client_for(customer).post("/api/orders/", body, format="json").json()
    for status in ["confirmed", "preparing", "ready"]:
        response = client_for(vendor).post(
            f"/api/orders/{order['id']}/update_status/", {"order_status": status}, format="json"
        )
        assert response.status_code == 200
    return customer, EmailOutbox.objects.get()


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_the_email_is_sent_by_the_worker_not_by_the_request():
    customer, outbox = ready_order()
    assert mail.outbox == []  # the request only queued it

    run_worker()

    assert [(m.to, m.subject) for m in mail.outbox] == [([customer.email], outbox.subject)]
    outbox.refresh_from_db()
    assert outbox.sent_at is not None


def test_a_failed_send_is_retried_once_and_sends_one_email(monkeypatch):
    customer, outbox = ready_order()
    real_send = EmailBackend.send_messages
    calls = []

    def fail_first_time(self, messages):
        calls.append(len(messages))
        if len(calls) == 1:
            raise ConnectionError("SMTP server went away")
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", fail_first_time)

    # The first run fails and queues its retry, which this batch also runs.
    run_worker()

    outbox.refresh_from_db()
    assert len(calls) == 2
    assert [m.to for m in mail.outbox] == [[customer.email]]
    assert outbox.attempts == 2
    assert "SMTP server went away" in outbox.last_error
    assert outbox.sent_at is not None
    run_worker()
    assert len(mail.outbox) == 1


def test_running_the_task_again_never_sends_twice():
    _, outbox = ready_order()
    run_worker()

    assert send_outbox_email.call(outbox_id=outbox.pk) is False
    run_worker()

    assert len(mail.outbox) == 1


def kill_the_worker_mid_send() -> None:
    """What a worker killed mid-send leaves: its task claimed (RUNNING) for
    good, the row unsent, and nothing queued."""
    from django_tasks_db.models import DBTaskResult

    task = DBTaskResult.objects.get()
    DBTaskResult.objects.filter(pk=task.pk).update(status="RUNNING", worker_ids=["dead"])


def test_the_sweep_requeues_an_email_whose_worker_died_and_it_is_sent_once():
    customer, outbox = ready_order()
    kill_the_worker_mid_send()
    run_worker()
    assert mail.outbox == []  # nothing re-queues it by itself

    call_command("sweep_email_outbox", "--overdue-seconds", "0", verbosity=0)
    run_worker()
    call_command("sweep_email_outbox", "--overdue-seconds", "0", verbosity=0)
    run_worker()

    assert [m.to for m in mail.outbox] == [[customer.email]]
    outbox.refresh_from_db()
    assert outbox.sent_at is not None


def test_the_sweep_leaves_emails_whose_task_is_not_overdue():
    from notifications.services import outbox_sweep

    _, outbox = ready_order()

    assert outbox_sweep(overdue=timedelta(minutes=5)) == []
    assert outbox_sweep(overdue=timedelta(0)) == [outbox.pk]


def test_the_sweep_gives_up_on_emails_that_used_their_attempts(settings):
    from notifications.services import outbox_sweep

    _, outbox = ready_order()
    EmailOutbox.objects.filter(pk=outbox.pk).update(attempts=settings.EMAIL_MAX_ATTEMPTS)

    assert outbox_sweep(overdue=timedelta(0)) == []


def queued_tasks() -> int:
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.count()


def notify_by_email(recipient) -> Notification:
    return notification_create(
        recipient_id=recipient.pk,
        actor_id=None,
        kind="order_status",
        title="Order #1 is ready",
        body="Collect it now.",
        email_to=recipient.email,
    )


def test_the_email_row_is_written_with_the_notification_and_queued_after_the_commit():
    student = StudentFactory()
    with transaction.atomic():
        notification = notify_by_email(student)
        assert EmailOutbox.objects.get().notification == notification
        assert queued_tasks() == 0  # not before the commit: a rollback must queue nothing

    assert queued_tasks() == 1
    run_worker()
    assert [m.to for m in mail.outbox] == [[student.email]]


def test_a_rolled_back_notification_leaves_no_email_row_and_queues_nothing():
    student = StudentFactory()
    with transaction.atomic():
        notify_by_email(student)
        transaction.set_rollback(True)

    assert not Notification.objects.exists()
    assert not EmailOutbox.objects.exists()
    assert queued_tasks() == 0
    run_worker()
    assert mail.outbox == []


def test_the_sweep_sends_a_never_queued_email_and_a_stuck_one_each_once():
    customer, stuck = ready_order()
    kill_the_worker_mid_send()
    # Committed, but the process died before queuing its task: no due time.
    student = StudentFactory()
    never_queued = EmailOutbox.objects.create(to=student.email, subject="Ready", body="Come")
    long_ago = timezone.now() - timedelta(minutes=10)
    EmailOutbox.objects.update(created_at=long_ago)
    EmailOutbox.objects.filter(pk=stuck.pk).update(due_at=long_ago)
    run_worker()
    assert mail.outbox == []  # nothing re-queues them by themselves

    for _ in range(2):
        call_command("sweep_email_outbox", "--overdue-seconds", "300", verbosity=0)
        run_worker()

    assert sorted(m.to[0] for m in mail.outbox) == sorted([customer.email, student.email])
    assert EmailOutbox.objects.filter(sent_at__isnull=True).count() == 0
    assert {row.pk: row.attempts for row in EmailOutbox.objects.all()} == {
        stuck.pk: 1,
        never_queued.pk: 1,
    }
