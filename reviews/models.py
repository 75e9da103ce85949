from django.conf import settings
from django.db import models
from django.db.models import Q

from catalogue.models import Service


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

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
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
        ]

    def __str__(self):
        return f"{self.rating}/5 for {self.service_id} by {self.user_id}"


class ReviewEventKind(models.TextChoices):
    POSTED = "posted", "Posted"
    EDITED = "edited", "Edited"
    DELETED = "deleted", "Deleted"


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
