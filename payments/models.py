from django.conf import settings
from django.db import models
from django.db.models import Q

from common.payment_methods import ONLINE, PAY_AT_PICKUP


class PaymentMethod(models.TextChoices):
    PAY_AT_PICKUP = PAY_AT_PICKUP, "Pay at pickup"
    ONLINE = ONLINE, "Online"


class PaymentStatus(models.TextChoices):
    NOT_REQUIRED = "not_required", "Not required"
    DUE_AT_PICKUP = "due_at_pickup", "Due at pickup"
    COLLECTED = "collected", "Collected"
    AWAITING_PAYMENT = "awaiting_payment", "Awaiting payment"
    PAID = "paid", "Paid"
    EXPIRED = "expired", "Expired"
    REFUND_PENDING = "refund_pending", "Refund pending"
    REFUNDED = "refunded", "Refunded"
    NEEDS_REVIEW = "needs_review", "Needs review"


class Payment(models.Model):
    """How one order or booking is paid. The order or booking points here
    (payments never knows which kind of thing it pays for).

    ``visible_to_vendor`` turns true once, when the vendor may see what it pays
    for: at creation unless it waits for an online payment, else when the
    provider's charge is accepted.
    """

    method = models.CharField(max_length=20, choices=PaymentMethod.choices)
    status = models.CharField(max_length=20, choices=PaymentStatus.choices)
    amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3)
    # Online payments only: unique and unguessable, the provider's transaction reference.
    reference = models.CharField(max_length=64, unique=True, null=True, blank=True)
    provider = models.CharField(max_length=20, blank=True, default="")
    checkout_url = models.CharField(max_length=500, blank=True, default="")
    payer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="payments"
    )
    visible_to_vendor = models.BooleanField(default=True)
    hold_expires_at = models.DateTimeField(null=True, blank=True)
    # What the provider reported it charged (it may differ: needs_review).
    charged_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    charged_currency = models.CharField(max_length=3, blank=True, default="")
    paid_at = models.DateTimeField(null=True, blank=True)
    refunded_amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "hold_expires_at"], name="payment_status_hold"),
            models.Index(fields=["paid_at"], name="payment_paid_at"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="payment_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=~Q(method=ONLINE, status=PaymentStatus.AWAITING_PAYMENT)
                | Q(reference__isnull=False),
                name="payment_awaiting_has_reference",
            ),
        ]

    def __str__(self):
        return f"Payment {self.reference or self.pk} ({self.status})"


class RefundStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    PROCESSED = "processed", "Processed"


class Refund(models.Model):
    """The one refund of a payment: the OneToOne's unique key, not a lookup,
    makes a second request of it fail, whatever races."""

    payment = models.OneToOneField(Payment, on_delete=models.PROTECT, related_name="refund")
    amount = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3)
    status = models.CharField(
        max_length=20, choices=RefundStatus.choices, default=RefundStatus.PENDING
    )
    # Calls to the provider so far (the task retries until it accepts).
    attempts = models.PositiveIntegerField(default=0)
    requested_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True, default="")
    processed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "created_at"], name="refund_status_created")]

    def __str__(self):
        return f"Refund of {self.payment_id} ({self.status})"


class ProviderEvent(models.Model):
    """A webhook event as received, once: its key (a digest of the raw body)
    is unique, so a provider's retry of the same event is recognised."""

    key = models.CharField(max_length=64, unique=True)
    event = models.CharField(max_length=64)
    reference = models.CharField(max_length=64, blank=True, default="")
    payload = models.JSONField(default=dict)
    outcome = models.CharField(max_length=200, blank=True, default="")
    received_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["reference"], name="providerevent_reference")]

    def __str__(self):
        return f"{self.event} {self.reference}"
