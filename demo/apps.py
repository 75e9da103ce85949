from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data for `make run` and the end-to-end tests (`manage.py seed_demo`).

    The top layer: it drives every domain through its services, and nothing
    imports it."""

    name = "demo"
    verbose_name = "Demo data"
