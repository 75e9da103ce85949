from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from bookings import transitions
from bookings.kind import BOOKING
from bookings.models import Booking, BookingEvent, BookingStatus
from catalogue.models import Service
from common.fields import IdField, SafePrimaryKeyRelatedField
from common.serializers import FastReadMixin
from payments.api.serializers import PaymentSerializer, payment_representation
from payments.models import PaymentMethod

MAX_NOTES_LENGTH = 2000
MAX_REASON_LENGTH = 500


def public_name(user, label: str) -> str:
    """A user's name as others see it: never their email."""
    return user.get_full_name() or f"{label} {user.pk}"


def vendor_name(vendor) -> str:
    profile = getattr(vendor, "vendor_profile", None)
    return profile.business_name if profile else public_name(vendor, "Vendor")


@extend_schema_field({"$ref": "#/components/schemas/BookingStatusEnum"})
class _StatusField(serializers.ChoiceField):
    """Another field holding a booking status, documented with the one
    ``BookingStatusEnum`` rather than a duplicate enum."""

    def __init__(self, **kwargs):
        super().__init__(choices=BookingStatus.choices, **kwargs)


class _NullAsBlankCharField(serializers.CharField):
    """Optional text where ``null`` means none."""

    def __init__(self, **kwargs):
        super().__init__(required=False, allow_blank=True, allow_null=True, **kwargs)

    def validate_empty_values(self, data):
        if data is None:
            return True, ""
        return super().validate_empty_values(data)


class BookingCreateSerializer(serializers.Serializer):
    """What a student sends. Customer, price, end and status are not fields
    here, so whatever the client says about them is ignored."""

    service = SafePrimaryKeyRelatedField(queryset=Service.objects.all())
    start = serializers.DateTimeField(
        help_text="The `start` of one of the service's slots (GET /api/services/{id}/slots/)."
    )
    # Checked by bookings.services: belongs to the service, offered, available.
    service_item = IdField(required=False, allow_null=True)
    notes = _NullAsBlankCharField(max_length=MAX_NOTES_LENGTH)
    payment_method = serializers.ChoiceField(
        choices=PaymentMethod.choices,
        required=False,
        help_text=(
            "One of the service's `payment_methods`; default `pay_at_pickup` when it accepts "
            "that, else `online`."
        ),
    )


class BookingStatusInputSerializer(serializers.Serializer):
    booking_status = serializers.ChoiceField(choices=BookingStatus.choices)
    reason = _NullAsBlankCharField(
        max_length=MAX_REASON_LENGTH,
        help_text="Why; required when the vendor cancels, and shown in the history.",
    )


class BookingEventSerializer(FastReadMixin, serializers.ModelSerializer):
    from_status = serializers.CharField(
        read_only=True, help_text="The status before; empty for the booking's creation."
    )
    to_status = _StatusField(read_only=True)
    actor_name = serializers.SerializerMethodField()

    class Meta:
        model = BookingEvent
        fields = ["kind", "from_status", "to_status", "actor", "actor_name", "reason", "created_at"]
        read_only_fields = fields

    def get_actor_name(self, event) -> str | None:
        actor = event.actor
        if actor is None:
            return None
        if actor.is_vendor:
            return vendor_name(actor)
        label = "Admin" if actor.is_admin_type else "Student"
        return public_name(actor, label)


class BookingSerializer(FastReadMixin, serializers.ModelSerializer):
    """A booking as its customer, the service's vendor and admins see it."""

    service_name = serializers.CharField(source="service.service_name", read_only=True)
    vendor_name = serializers.SerializerMethodField()
    customer_name = serializers.SerializerMethodField()
    service_item_name = serializers.SerializerMethodField()
    history = BookingEventSerializer(source="events", many=True, read_only=True)
    cancellable_until = serializers.SerializerMethodField(
        help_text="The last instant the customer may cancel (start minus the service's "
        "cancel_notice_minutes at this moment)."
    )
    allowed_transitions = serializers.SerializerMethodField(
        help_text="The statuses the caller may move this booking to now (time rules included)."
    )
    payment = serializers.SerializerMethodField(help_text="How the booking is paid.")

    class Meta:
        model = Booking
        fields = [
            "id",
            "service",
            "service_name",
            "vendor_name",
            "customer",
            "customer_name",
            "service_item",
            "service_item_name",
            "price",
            "start",
            "end",
            "booking_status",
            "notes",
            "history",
            "cancellable_until",
            "allowed_transitions",
            "payment",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(PaymentSerializer)
    def get_payment(self, booking) -> dict:
        return payment_representation(
            booking.payment,
            amount=booking.price,
            completed=booking.booking_status == BookingStatus.COMPLETED,
            context=self.context,
        )

    def get_vendor_name(self, booking) -> str:
        return vendor_name(booking.service.vendor)

    def get_customer_name(self, booking) -> str:
        return public_name(booking.customer, "Student")

    def get_service_item_name(self, booking) -> str | None:
        return booking.service_item.name if booking.service_item else None

    @extend_schema_field(serializers.DateTimeField())
    def get_cancellable_until(self, booking) -> str:
        return serializers.DateTimeField().to_representation(transitions.cancel_deadline(booking))

    @extend_schema_field(serializers.ListField(child=_StatusField()))
    def get_allowed_transitions(self, booking) -> list[str]:
        request = self.context.get("request")
        user = request.user if request else None
        return transitions.allowed_transitions(BOOKING, booking, user, self.context.get("now"))
