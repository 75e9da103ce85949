from django.conf import settings
from django.db import models
from django.db.models import Q

from catalogue.models import Service


class ModerationStatus(models.TextChoices):
    """``visible``: counts and is listed. ``held``: enough users reported it;
    out of public reads and the rating until an admin decides. ``removed``: an
    admin took it down for good (its author still reads it)."""

    VISIBLE = "visible", "Visible"
    HELD = "held", "Held for moderation"
    REMOVED = "removed", "Removed"


class Review(models.Model):
    """A student's rating of a service; one per student per service."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="reviews")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews"
    )
    rating = models.PositiveSmallIntegerField(choices=[(i, str(i)) for i in range(1, 6)])
    comment = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Only visible reviews count in the service's rating (reviews.services).
    moderation_status = models.CharField(
        max_length=10, choices=ModerationStatus.choices, default=ModerationStatus.VISIBLE
    )
    # The reviewed service's vendor's answer; none: empty text and null times.
    reply_text = models.TextField(blank=True, default="")
    reply_created_at = models.DateTimeField(null=True, blank=True)
    reply_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["moderation_status", "-created_at"], name="review_moderation_created"
            ),
            models.Index(fields=["service", "-created_at"], name="review_service_created"),
            models.Index(fields=["user", "-created_at"], name="review_user_created"),
            models.Index(fields=["rating"], name="review_rating"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["service", "user"], name="review_one_per_user_per_service"
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="review_rating_1_to_5"
            ),
            models.CheckConstraint(
                condition=Q(reply_text="", reply_created_at__isnull=True)
                | (~Q(reply_text="") & Q(reply_created_at__isnull=False)),
                name="review_reply_text_and_time_together",
            ),
        ]

    def __str__(self):
        return f"{self.rating}/5 for {self.service_id} by {self.user_id}"


class HeldReview(Review):
    """The admin's moderation queue: reviews held after reports."""

    class Meta:
        proxy = True
        verbose_name = "held review"


class ReviewEventKind(models.TextChoices):
    POSTED = "posted", "Posted"
    EDITED = "edited", "Edited"
    DELETED = "deleted", "Deleted"
    HELD = "held", "Held after reports"
    KEPT = "kept", "Kept by a moderator"
    REMOVED = "removed", "Removed by a moderator"
    REPLIED = "replied", "Vendor replied"
    REPLY_DELETED = "reply_deleted", "Vendor reply deleted"


class ReviewEvent(models.Model):
    """One thing that happened to a review, written by ``reviews.services`` in
    the transaction of the change. ``review`` is emptied when the review is
    deleted; ``service`` and ``data["review_id"]`` still say which it was.
    ``data`` holds the rating (and for an edit the earlier one) so the event
    outlives the review."""

    review = models.ForeignKey(
        Review, on_delete=models.SET_NULL, null=True, blank=True, related_name="events"
    )
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="review_events")
    kind = models.CharField(max_length=20, choices=ReviewEventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    reason = models.TextField(blank=True, default="")
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["service", "created_at"], name="reviewevent_service_created")
        ]

    def __str__(self):
        return f"review {self.data.get('review_id', self.review_id)} {self.kind}"


class ReviewReport(models.Model):
    """A user's report that a review breaks the rules; one per user per review.
    Open until an admin decides on the review (``closed_at``)."""

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="review_reports"
    )
    reason = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "reporter"], name="reviewreport_once_per_user"
            )
        ]
        indexes = [
            models.Index(
                fields=["review"], condition=Q(closed_at__isnull=True), name="reviewreport_open"
            )
        ]

    def __str__(self):
        return f"report of review {self.review_id} by {self.reporter_id}"
