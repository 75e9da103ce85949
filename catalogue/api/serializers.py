from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Min
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.fields import empty

from catalogue.models import (
    AvailabilityStatus,
    Category,
    Option,
    OptionGroup,
    Service,
    ServiceItem,
    ServiceType,
    VendorProfile,
)
from catalogue.selectors import LOWEST_ITEM_PRICE
from common.images import validate_image, variant_urls
from common.payment_methods import PAYMENT_METHODS, offered_payment_methods
from common.serializers import FastReadMixin
from schedule.selectors import opening
from users.selectors import public_name

_NOT_READ = object()


def from_price_text(lowest_item_price, base_price) -> str | None:
    """A listing's "from" price as the API writes decimals: the cheapest
    available item's price, else the base price (``from_price``)."""
    price = lowest_item_price if lowest_item_price is not None else base_price
    return None if price is None else f"{price:.2f}"


# Text columns have no length limit in the database; the API sets one.
LONG_TEXT = 5000


class ImageUploadField(serializers.FileField):
    """An image upload checked by decoding it (``common.images``); rendered
    as an absolute URL, or null when there is none."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_null", True)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        file = super().to_internal_value(data)
        try:
            return validate_image(file)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages) from exc


@extend_schema_field(
    {
        "type": "object",
        "additionalProperties": {"type": "string", "format": "uri"},
        "description": 'Resized WebP copies by width: {"320": url, "960": url}; {} if no image.',
    }
)
class ImageVariantsField(serializers.Field):
    """The URLs of an image's resized WebP variants (``common.images``), absolute
    like the image's own URL."""

    def __init__(self, source: str, **kwargs):
        super().__init__(source=source, read_only=True, **kwargs)

    def to_representation(self, value):
        return variant_urls(value, self.context.get("request"))


class FormSafeBooleanField(serializers.BooleanField):
    """A boolean whose model default applies when a multipart form omits it.

    DRF reads a boolean missing from form data as an unticked checkbox
    (false); an API client leaving it out means "the default", as in JSON.
    """

    default_empty_html = empty


class OptionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Option
        fields = ["id", "name", "price_delta", "is_available"]
        read_only_fields = fields


class OptionGroupSerializer(serializers.ModelSerializer):
    """A group as every item representation shows it, options in the vendor's order."""

    options = OptionSerializer(many=True, read_only=True)

    class Meta:
        model = OptionGroup
        fields = ["id", "name", "min_choices", "max_choices", "options"]
        read_only_fields = fields


class ServiceItemSerializer(FastReadMixin, serializers.ModelSerializer):
    image = ImageUploadField()
    image_variants = ImageVariantsField(source="image")
    is_available = FormSafeBooleanField(required=False, default=True)
    description = serializers.CharField(
        max_length=LONG_TEXT, required=False, allow_blank=True, default=""
    )
    price = serializers.DecimalField(max_digits=10, decimal_places=2, min_value=0)
    stock = serializers.IntegerField(
        min_value=0,
        max_value=1_000_000,
        allow_null=True,
        required=False,
        help_text="Units left; null: not counted. 0: sold out (`is_available` is unchanged).",
    )
    option_groups = OptionGroupSerializer(many=True, read_only=True)

    class Meta:
        model = ServiceItem
        fields = [
            "id",
            "service",
            "name",
            "description",
            "price",
            "image",
            "image_variants",
            "is_available",
            "stock",
            "option_groups",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "service", "option_groups", "created_at", "updated_at"]
        # Uniqueness among active items is checked by catalogue.services.
        validators = []


# Owner-writable slot settings (ranges and defaults on the model, checked by the database too).
SCHEDULE_SETTINGS = [
    "prep_minutes",
    "orders_in_parallel",
    "pickup_slot_minutes",
    "orders_per_slot",
    "slot_minutes",
    "seats_per_slot",
    "min_notice_minutes",
    "max_days_ahead",
    "cancel_notice_minutes",
]


class ServiceSerializer(FastReadMixin, serializers.ModelSerializer):
    """A service as listed; also validates create and update bodies."""

    vendor_name = serializers.SerializerMethodField()
    description = serializers.CharField(max_length=LONG_TEXT)
    category = serializers.ChoiceField(choices=Category.choices)
    service_type = serializers.ChoiceField(choices=ServiceType.choices)
    availability_status = serializers.ChoiceField(
        choices=AvailabilityStatus.choices, required=False
    )
    base_price = serializers.DecimalField(
        max_digits=10, decimal_places=2, min_value=0, required=False, allow_null=True
    )
    contact_info = serializers.CharField(max_length=LONG_TEXT, required=False, allow_blank=True)
    images = ImageUploadField()
    image_variants = ImageVariantsField(source="images")
    is_available = FormSafeBooleanField(required=False, default=True)
    has_flexible_pricing = FormSafeBooleanField(required=False, default=False)
    supports_booking = serializers.BooleanField(read_only=True)
    supports_ordering = serializers.BooleanField(read_only=True)
    supports_walk_in = serializers.BooleanField(read_only=True)
    requires_contact = serializers.BooleanField(read_only=True)
    payment_methods = serializers.ListField(
        child=serializers.ChoiceField(choices=PAYMENT_METHODS),
        required=False,
        help_text=(
            "How customers may pay: a non-empty subset of `GET /api/config/`'s "
            '`payment_methods`; default `["pay_at_pickup"]`.'
        ),
    )
    open_now = serializers.SerializerMethodField(
        help_text="Available, inside its weekly hours (or it has none), not closed, not paused."
    )
    next_opening = serializers.SerializerMethodField(
        help_text="The next instant it opens within 7 days; null if open now or not within 7 days."
    )
    from_price = serializers.SerializerMethodField(
        help_text=(
            "The lowest price a student can pay: the cheapest of its available items, else "
            '`base_price`; null when it has neither. The "from" price of a listing.'
        )
    )

    class Meta:
        model = Service
        fields = [
            "id",
            "vendor",
            "vendor_name",
            "service_name",
            "description",
            "category",
            "service_type",
            "base_price",
            "has_flexible_pricing",
            "is_available",
            "availability_status",
            "contact_info",
            "location",
            "images",
            "image_variants",
            "rating",
            "total_ratings",
            "created_at",
            "updated_at",
            "supports_booking",
            "supports_ordering",
            "supports_walk_in",
            "requires_contact",
            *SCHEDULE_SETTINGS,
            "payment_methods",
            "paused_until",
            "pause_reason",
            "open_now",
            "next_opening",
            "from_price",
        ]
        read_only_fields = [
            "id",
            "vendor",
            "rating",
            "total_ratings",
            "created_at",
            "updated_at",
            "paused_until",
            "pause_reason",
        ]

    def validate_payment_methods(self, methods: list[str]) -> list[str]:
        if not methods:
            raise serializers.ValidationError("Accept at least one payment method.")
        offered = offered_payment_methods()
        refused = [method for method in methods if method not in offered]
        if refused:
            raise serializers.ValidationError(
                f"Not offered here: {', '.join(refused)} (offered: {', '.join(offered)})."
            )
        return [method for method in PAYMENT_METHODS if method in methods]

    def _opening(self, service: Service):
        # Periods and closures are prefetched by the selector; computed once per row.
        cached = getattr(service, "_opening_state", None)
        if cached is None:
            cached = service._opening_state = opening(service)
        return cached

    @extend_schema_field(serializers.DecimalField(max_digits=10, decimal_places=2, allow_null=True))
    def get_from_price(self, service: Service) -> str | None:
        lowest = getattr(service, LOWEST_ITEM_PRICE, _NOT_READ)
        if lowest is _NOT_READ:  # a service not read with_listing (a write's answer)
            lowest = service.items.filter(is_active=True, is_available=True).aggregate(
                lowest=Min("price")
            )["lowest"]
        return from_price_text(lowest, service.base_price)

    @extend_schema_field(serializers.BooleanField())
    def get_open_now(self, service: Service) -> bool:
        return self._opening(service)[0]

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_next_opening(self, service: Service):
        next_opening = self._opening(service)[1]
        return (
            None
            if next_opening is None
            else serializers.DateTimeField().to_representation(next_opening)
        )

    def get_vendor_name(self, service: Service) -> str:
        return public_name(service.vendor)


class ServiceDetailSerializer(ServiceSerializer):
    """A service with its active items (``active_items``, read by the selectors)."""

    items = ServiceItemSerializer(many=True, read_only=True, source="active_items")

    class Meta(ServiceSerializer.Meta):
        fields = [*ServiceSerializer.Meta.fields, "items"]


class AvailabilitySerializer(serializers.Serializer):
    is_available = serializers.BooleanField(required=False)
    availability_status = serializers.ChoiceField(
        choices=AvailabilityStatus.choices, required=False
    )

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError("Send is_available, availability_status or both.")
        return attrs


class ServiceTypeQuerySerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=ServiceType.choices)


class CategoryQuerySerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=Category.choices)


class VendorProfileSerializer(FastReadMixin, serializers.ModelSerializer):
    """A vendor's profile; ``is_verified`` and ``is_active`` only change by an admin."""

    description = serializers.CharField(max_length=LONG_TEXT, required=False, allow_blank=True)
    business_hours = serializers.CharField(max_length=LONG_TEXT, required=False, allow_blank=True)
    logo = ImageUploadField()
    logo_variants = ImageVariantsField(source="logo")
    verification_reason = serializers.SerializerMethodField(
        help_text="The admin's reason for the last verification decision; null unless the "
        "caller owns the profile or is an admin."
    )

    class Meta:
        model = VendorProfile
        fields = [
            "id",
            "user",
            "business_name",
            "description",
            "business_hours",
            "address",
            "phone",
            "email",
            "website",
            "logo",
            "logo_variants",
            "is_verified",
            "verification_status",
            "verification_reason",
            "is_active",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "user",
            "is_verified",
            "verification_status",
            "is_active",
            "created_at",
            "updated_at",
        ]

    def get_verification_reason(self, profile) -> str | None:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if user.is_admin_type or profile.user_id == user.pk:
            return profile.verification_reason
        return None


class AdminVendorProfileSerializer(VendorProfileSerializer):
    class Meta(VendorProfileSerializer.Meta):
        # is_verified is a verification decision (catalogue.verification); the
        # status itself changes only through the verification endpoints.
        read_only_fields = ["id", "user", "verification_status", "created_at", "updated_at"]


class MatchedItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    price = serializers.DecimalField(max_digits=10, decimal_places=2)


class SearchResultSerializer(ServiceSerializer):
    """A listed service; with ``?search=``, also the items that matched (schema only)."""

    matched_items = MatchedItemSerializer(
        many=True,
        required=False,  # not read_only: the schema would then call it required
        help_text="Only with ?search=: the service's available items whose name or "
        "description matched the search, in the items' order (often empty).",
    )

    class Meta(ServiceSerializer.Meta):
        fields = [*ServiceSerializer.Meta.fields, "matched_items"]
