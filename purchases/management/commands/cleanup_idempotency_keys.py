from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError

from purchases.idempotency import idempotency_keys_delete_stale

# Clients may retry for a day; keys younger than this are never removed.
MIN_HOURS = 24


class Command(BaseCommand):
    help = (
        "Delete Idempotency-Key records of orders and bookings older than --hours "
        "(default and minimum 24)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=MIN_HOURS)

    def handle(self, *args, hours, **options):
        if hours < MIN_HOURS:
            raise CommandError(f"--hours must be at least {MIN_HOURS}: keys are kept a day.")
        deleted = idempotency_keys_delete_stale(older_than=timedelta(hours=hours))
        self.stdout.write(f"Deleted {deleted} idempotency key(s) older than {hours} hours.")
