"""The scheduled jobs and the commands that start or run them."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from payments import services, tasks
from payments.models import Refund

from .helpers import charge

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_schedule_queues_each_recurring_job_once():
    assert "holds_expire_tick: queued" in run("payments_schedule")
    assert "holds_expire_tick: already queued" in run("payments_schedule")
    paths = list(DBTaskResult.objects.values_list("task_path", flat=True))
    assert sorted(paths) == ["payments.tasks.holds_expire_tick", "payments.tasks.reconcile_tick"]


def test_the_expiry_job_queues_its_next_run():
    tasks.holds_expire_tick.call()
    queued = DBTaskResult.objects.get(task_path="payments.tasks.holds_expire_tick")
    assert queued.run_after is not None


def test_reconcile_command_reports_a_clean_range(api, order_online):
    charge(api, order_online()["payment"])
    output = run("payments_reconcile")
    assert "1 provider charges checked, 0 mismatches, 0 fixed." in output


def test_expire_holds_command(order_online):
    order_online()
    assert "0 lapsed holds cancelled." in run("payments_expire_holds")


def test_a_refund_nobody_sent_is_queued_again(api, order_online, student_client):
    order = order_online()
    charge(api, order["payment"])
    url = f"/api/orders/{order['id']}/update_status/"
    student_client.post(url, {"order_status": "cancelled"}, format="json")
    assert Refund.objects.get().payment.status == "refund_pending"
    DBTaskResult.objects.all().delete()  # the enqueue after commit was lost
    assert services.refunds_resend_stale() == 0  # too recent to call lost
    Refund.objects.update(created_at=timezone.now() - timedelta(minutes=10))
    assert services.refunds_resend_stale() == 1
    assert DBTaskResult.objects.filter(task_path="payments.tasks.refund_send").count() == 1
    assert services.refunds_resend_stale() == 0
