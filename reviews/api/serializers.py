from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalogue.models import Service
from common.fields import LockedLaterField, LockedLaterMixin
from common.serializers import FastReadMixin
from reviews.models import ModerationStatus, Review
from reviews.moderation import Decision
from users.selectors import public_name

COMMENT_MAX_LENGTH = 5000


class RatingField(serializers.IntegerField):
    """A whole number of stars, 1 to 5. ``4``, ``"4"`` and ``4.0`` pass; DRF's
    own parsing refuses ``4.5``, ``true`` and infinities (the tests pin this)."""

    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=5, **kwargs)


class CommentField(serializers.CharField):
    """Optional free text; ``null`` is stored as an empty comment."""

    def __init__(self, **kwargs):
        super().__init__(allow_blank=True, allow_null=True, max_length=COMMENT_MAX_LENGTH, **kwargs)

    def validate_empty_values(self, data):
        if data is None:
            return True, ""
        return super().validate_empty_values(data)


class VendorReplySerializer(serializers.Serializer):
    text = serializers.CharField(source="reply_text")
    created_at = serializers.DateTimeField(source="reply_created_at")
    updated_at = serializers.DateTimeField(source="reply_updated_at")


class VendorReplyField(serializers.Field):
    """The review's ``vendor_reply``, or null when its vendor has not replied."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, review):
        if review.reply_created_at is None:
            return None
        return VendorReplySerializer(review).data


# Reads ``verified_purchase`` and ``user`` from reviews.selectors.reviews_with_verification.
class ReviewSerializer(FastReadMixin, serializers.ModelSerializer):
    """A review as everyone reads it."""

    user_name = serializers.SerializerMethodField()
    verified_purchase = serializers.BooleanField(
        read_only=True, help_text="The author has a completed order for this service."
    )
    vendor_reply = extend_schema_field(VendorReplySerializer(allow_null=True))(VendorReplyField)()
    removed = serializers.SerializerMethodField(
        help_text="An admin removed it after reports; only its author (and admins) read it."
    )

    class Meta:
        model = Review
        fields = [
            "id",
            "service",
            "user",
            "user_name",
            "rating",
            "comment",
            "created_at",
            "updated_at",
            "verified_purchase",
            "vendor_reply",
            "removed",
        ]
        read_only_fields = fields

    def get_user_name(self, review) -> str:
        return public_name(review.user)

    def get_removed(self, review) -> bool:
        return review.moderation_status == ModerationStatus.REMOVED


class ReviewCreateSerializer(LockedLaterMixin, serializers.Serializer):
    # Read under the service's lock by reviews.services.review_create.
    service = LockedLaterField(queryset=Service.objects.filter(is_active=True))
    rating = RatingField()
    comment = CommentField(required=False, default="")


class ReviewUpdateSerializer(serializers.Serializer):
    """``rating`` and ``comment`` only: a ``service`` or ``user`` in the body is ignored."""

    rating = RatingField(required=False)
    comment = CommentField(required=False)


class ReviewReportSerializer(serializers.Serializer):
    reason = serializers.CharField(min_length=1, max_length=500)
    id = serializers.IntegerField(read_only=True)
    review = serializers.IntegerField(source="review_id", read_only=True)
    created_at = serializers.DateTimeField(read_only=True)


class ReviewModerateSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=Decision.CHOICES)
    reason = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class ReviewReplySerializer(serializers.Serializer):
    text = serializers.CharField(min_length=1, max_length=1000)
