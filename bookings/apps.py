from django.apps import AppConfig


class BookingsConfig(AppConfig):
    name = "bookings"
    verbose_name = "Bookings"

    def ready(self):
        from . import payment_listeners  # noqa: F401  (subscribes to payments' events)
