from django.core.management.base import BaseCommand

from payments.services import holds_expire


class Command(BaseCommand):
    help = "Cancel the orders and bookings whose online payment hold has lapsed (once)."

    def handle(self, *args, **options):
        self.stdout.write(f"{holds_expire()} lapsed holds cancelled.")
