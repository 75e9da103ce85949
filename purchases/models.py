"""Rows every kind of purchase shares."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class IdempotencyKey(models.Model):
    """A client's ``Idempotency-Key`` for creating one purchase, scoped per
    user and per kind of purchase (the same key may name an order and a
    booking).

    The unique constraint, not a lookup, decides which of two racing requests
    creates the purchase; the other waits for it and replays its result
    (``purchases/idempotency.py``). ``purchase_id`` is the order's or the
    booking's id once created: a plain id, since orders and bookings sit above
    this package.
    """

    class Scope(models.TextChoices):
        ORDER = "order", "Order"
        BOOKING = "booking", "Booking"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    scope = models.CharField(max_length=20, choices=Scope.choices)
    key = models.CharField(max_length=255)
    request_fingerprint = models.CharField(max_length=64)
    purchase_id = models.BigIntegerField(null=True, blank=True)
    # A default, not auto_now_add, so the keys copied from orders and bookings
    # keep their age (and expire when they would have).
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "scope", "key"], name="idempotencykey_unique_per_user_scope"
            ),
        ]

    def __str__(self):
        return f"{self.scope}: {self.key}"
