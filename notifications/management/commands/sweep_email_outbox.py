"""Re-queue emails whose send task died with its worker (run every minute)."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand

from notifications.services import outbox_sweep


class Command(BaseCommand):
    help = (
        "Re-queue unsent outbox emails whose send task is overdue (a worker killed "
        "mid-send leaves its task RUNNING forever). Safe to run at any time: an "
        "email is sent at most once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--overdue-seconds",
            type=int,
            default=settings.EMAIL_SWEEP_OVERDUE_SECONDS,
            help="How long past its due time an unsent email's task counts as dead.",
        )

    def handle(self, *args, overdue_seconds, **options):
        ids = outbox_sweep(overdue=timedelta(seconds=overdue_seconds))
        self.stdout.write(f"Re-queued {len(ids)} email(s).")
