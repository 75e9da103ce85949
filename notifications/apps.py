from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Notifications"

    def ready(self):
        # Listen to the domain events of orders, bookings and reviews, and to
        # the deletes of the notifications' subjects; those domains never
        # import this one.
        from notifications import account_emails, listeners, subjects  # noqa: F401

        subjects.connect()
