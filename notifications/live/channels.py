"""Which broker carries the live fan-out, and on which channel: the settings
both halves read (``broker.py`` publishes, ``hub.py`` listens), kept below
both so that neither imports the other for them."""

from django.conf import settings
from django.db import connection

PG_CHANNEL = "campus_notifications"


def broker_kind() -> str:
    configured = getattr(settings, "EVENTS_BROKER", "auto")
    if configured != "auto":
        return configured
    if settings.REDIS_URL:
        return "redis"
    if connection.vendor == "postgresql":
        return "postgres"
    return "local"


def redis_channel() -> str:
    return settings.EVENTS_CHANNEL
