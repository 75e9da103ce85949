from django.apps import AppConfig


class BookingsConfig(AppConfig):
    name = "bookings"
    verbose_name = "Bookings"

    def ready(self):
        from . import kind  # noqa: F401  (registers bookings with the purchase core)
