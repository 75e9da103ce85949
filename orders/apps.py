from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "orders"
    verbose_name = "Orders"

    def ready(self):
        from . import payment_listeners  # noqa: F401  (subscribes to payments' events)
