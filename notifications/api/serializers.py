from rest_framework import serializers

from notifications.models import Notification
from notifications.services import MAX_MARK_READ_IDS


class NotificationSerializer(serializers.ModelSerializer):
    # Read from the row's generic subject, never loaded: ids exactly as the
    # foreign keys these replaced answered them, at no query.
    order = serializers.IntegerField(source="order_id", read_only=True, allow_null=True)
    booking = serializers.IntegerField(source="booking_id", read_only=True, allow_null=True)

    class Meta:
        model = Notification
        fields = [
            "id",
            "kind",
            "title",
            "body",
            "order",
            "booking",
            "service",
            "created_at",
            "read_at",
        ]
        read_only_fields = fields


class MarkReadSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1),
        required=False,
        max_length=MAX_MARK_READ_IDS,
        help_text="Ids of the caller's notifications to mark read; omit to mark all. "
        "Ids of others' notifications are ignored.",
    )


class MarkedSerializer(serializers.Serializer):
    marked = serializers.IntegerField()


class UnreadCountSerializer(serializers.Serializer):
    count = serializers.IntegerField()


class TicketSerializer(serializers.Serializer):
    ticket = serializers.CharField(help_text="Opaque, URL-safe; pass as `?ticket=` once.")
    expires_at = serializers.DateTimeField()
