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


class NotificationSubject(models.TextChoices):
    """What a notification can be about."""

    ORDER = "order", "Order"
    BOOKING = "booking", "Booking"


# The model each subject type names (labels, so this module imports no domain).
SUBJECT_MODELS = {
    NotificationSubject.ORDER: "orders.Order",
    NotificationSubject.BOOKING: "bookings.Booking",
}
_TYPE_OF_MODEL = {label: subject_type for subject_type, label in SUBJECT_MODELS.items()}


def subject_type_of(subject) -> str:
    """The subject type of a model instance; a model that is no subject is a bug."""
    label = subject._meta.label
    if label not in _TYPE_OF_MODEL:
        raise ValueError(f"A {label} cannot be the subject of a notification.")
    return _TYPE_OF_MODEL[label]


class NotificationQuerySet(models.QuerySet):
    def about(self, subject) -> "NotificationQuerySet":
        """The notifications about ``subject`` (an order or a booking)."""
        return self.filter(subject_type=subject_type_of(subject), subject_id=subject.pk)


class Notification(models.Model):
    """Something that happened to ``recipient``, written in the transaction of
    the change it reports (from that change's domain event).

    What it is about is one generic subject, ``subject_type`` (a closed set of
    choices) and ``subject_id``, instead of a nullable foreign key per domain:
    a domain that starts notifying adds a choice, not a column, an index and a
    migration of this table, and no row carries several empty links. Not
    contenttypes' ``GenericForeignKey``: its ``content_type`` id is a row of
    another table (differing between databases, resolved through a cache that
    can cost a query), while a name says in the row itself what it points at.
    The list never loads the subject: ``order`` and ``booking`` are read from
    the row, so it costs the same single query, and a subject that is gone
    could never fail it. Without a database foreign key, deleting an order or
    booking deletes its notifications (``subjects.forget_subject``), as the
    cascade of the old keys did.

    ``service`` stays a real foreign key: it is not the subject but the
    listing every subject belongs to (set on every kind but ``verification``),
    in catalogue, below every domain that notifies, so it never makes this
    table learn a new domain."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    title = models.CharField(max_length=200)
    body = models.TextField()
    subject_type = models.CharField(
        max_length=20, choices=NotificationSubject.choices, blank=True, default=""
    )
    subject_id = models.PositiveBigIntegerField(null=True, blank=True)
    service = models.ForeignKey(
        "catalogue.Service", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

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
            # ``about(subject)`` and the delete of a subject's notifications.
            models.Index(
                fields=["subject_type", "subject_id"],
                condition=Q(subject_id__isnull=False),
                name="notification_subject",
            ),
        ]
        constraints = [
            # A type without an id, or an id without a type, points at nothing.
            models.CheckConstraint(
                condition=Q(subject_type="", subject_id__isnull=True)
                | (~Q(subject_type="") & Q(subject_id__isnull=False)),
                name="notification_subject_whole",
            ),
        ]

    def __str__(self):
        return f"{self.kind} #{self.pk} for {self.recipient_id}"

    @property
    def order_id(self) -> int | None:
        """The order this is about, as the API answers it (``order``)."""
        return self.subject_id if self.subject_type == NotificationSubject.ORDER else None

    @property
    def booking_id(self) -> int | None:
        """The booking this is about, as the API answers it (``booking``)."""
        return self.subject_id if self.subject_type == NotificationSubject.BOOKING else None


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
