"""The former name of ``cleanup_idempotency_keys``, kept for schedules that
still call it: orders' and bookings' keys now share one table and one cleanup."""

from purchases.management.commands.cleanup_idempotency_keys import Command as Cleanup


class Command(Cleanup):
    help = "Alias of cleanup_idempotency_keys (orders' and bookings' keys alike)."
