from django.conf import settings
from django.db import models
from django.db.models import Q


class NotificationKind(models.TextChoices):
    ORDER_PLACED = "order_placed", "Order placed"
    ORDER_STATUS = "order_status", "Order status changed"
    BOOKING_MADE = "booking_made", "Booking made"
    BOOKING_STATUS = "booking_status", "Booking status changed"
    REVIEW_POSTED = "review_posted", "Review posted"
    REVIEW_REPLY = "review_reply", "Vendor replied to a review"
    VERIFICATION = "verification", "Verification decision"


class Notification(models.Model):
    """Something that happened to ``recipient``, written in the transaction of
    the change it reports (from that change's domain event)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    title = models.CharField(max_length=200)
    body = models.TextField()
    order = models.ForeignKey(
        "orders.Order", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    booking = models.ForeignKey(
        "bookings.Booking", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    service = models.ForeignKey(
        "catalogue.Service", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        indexes = [
            # The list, the stream's replay and the stream's catch-up query.
            models.Index(fields=["recipient", "-id"], name="notification_recipient_id"),
            # The unread count and ?unread=true stay cheap however much was read.
            models.Index(
                fields=["recipient"], condition=Q(read_at__isnull=True), name="notification_unread"
            ),
            models.Index(fields=["created_at"], name="notification_created"),
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk} for {self.recipient_id}"


class EventTicket(models.Model):
    """A short-lived, single-use credential for opening the event stream from a
    browser (``EventSource`` cannot send an Authorization header). Only a hash
    of the ticket is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(db_index=True)
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The session the ticket belongs to (``live.sessions.session_of``): a
    # password change since it was minted makes it worthless.
    session = models.CharField(max_length=64, blank=True, default="")

    def __str__(self):
        return f"ticket of {self.user_id} until {self.expires_at:%H:%M:%S}"


class OpenStream(models.Model):
    """An event stream open on some app server, so the per-user cap
    (``EVENTS_MAX_STREAMS``) holds across servers: opening one more deletes the
    user's oldest rows, and each server ends the streams whose row is gone."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    opened_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        indexes = [models.Index(fields=["user", "-id"], name="openstream_user_id")]

    def __str__(self):
        return f"stream {self.pk} of {self.user_id}"


class EmailOutbox(models.Model):
    """An email a notification calls for, written in the same transaction as
    the notification. The task that sends it claims the row and marks it sent
    in one transaction, so a retried or duplicated task never sends twice."""

    # None for an email about the account itself (a reset or verification link).
    notification = models.OneToOneField(
        Notification, on_delete=models.CASCADE, related_name="email", null=True, blank=True
    )
    to = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True, default="")
    sent_at = models.DateTimeField(null=True, blank=True)
    # When the latest send task queued for it is due; the sweep re-queues an
    # unsent email whose task is long overdue (its worker died mid-send).
    due_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-id"]
        verbose_name_plural = "email outbox"
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(sent_at__isnull=True), name="emailoutbox_unsent"
            )
        ]

    def __str__(self):
        return f"{self.subject} to {self.to}"
