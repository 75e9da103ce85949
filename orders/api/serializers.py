from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalogue.models import Service
from common.fields import IdField, SafePrimaryKeyRelatedField
from orders.models import Order, OrderEvent, OrderEventKind, OrderItem, OrderStatus
from orders.services import MAX_LINES, MAX_QUANTITY
from orders.transitions import allowed_transitions

MAX_INSTRUCTIONS_LENGTH = 2000


def _display_name(user) -> str:
    return user.get_full_name() or user.email


class _NullAsBlankCharField(serializers.CharField):
    """Optional text where ``null`` means "none", as the seed's nullable columns did."""

    def __init__(self, **kwargs):
        super().__init__(required=False, allow_blank=True, allow_null=True, **kwargs)

    def validate_empty_values(self, data):
        if data is None:
            return True, ""
        return super().validate_empty_values(data)


@extend_schema_field({"$ref": "#/components/schemas/OrderStatusEnum"})
class _StatusField(serializers.ChoiceField):
    """A second field holding an order status, documented with the one
    ``OrderStatusEnum`` of ``order_status`` rather than a duplicate enum."""

    def __init__(self, **kwargs):
        super().__init__(choices=OrderStatus.choices, **kwargs)


class OrderLineInputSerializer(serializers.Serializer):
    # Checked with the whole order by orders.services: exists, belongs to the
    # service, available.
    service_item = IdField()
    quantity = serializers.IntegerField(min_value=1, max_value=MAX_QUANTITY)


class OrderCreateSerializer(serializers.Serializer):
    """What a student sends. Prices, totals, customer and status are not
    fields here, so whatever the client says about them is ignored."""

    service = SafePrimaryKeyRelatedField(queryset=Service.objects.all())
    items = OrderLineInputSerializer(
        many=True,
        allow_empty=False,
        max_length=MAX_LINES,
        error_messages={
            "empty": "An order needs at least one item.",
            "max_length": "An order may have at most {max_length} lines.",
        },
    )
    special_instructions = _NullAsBlankCharField(max_length=MAX_INSTRUCTIONS_LENGTH)
    delivery_address = _NullAsBlankCharField(max_length=500)


class OrderStatusInputSerializer(serializers.Serializer):
    order_status = serializers.ChoiceField(choices=OrderStatus.choices)


class OrderUpdateSerializer(serializers.Serializer):
    """PATCH: a status change, and for the customer of a pending order, its
    instructions and delivery address."""

    order_status = serializers.ChoiceField(choices=OrderStatus.choices, required=False)
    special_instructions = _NullAsBlankCharField(max_length=MAX_INSTRUCTIONS_LENGTH)
    delivery_address = _NullAsBlankCharField(max_length=500)


class OrderItemSerializer(serializers.ModelSerializer):
    service_item_name = serializers.CharField(source="service_item.name", read_only=True)

    class Meta:
        model = OrderItem
        fields = [
            "id",
            "service_item",
            "service_item_name",
            "quantity",
            "unit_price",
            "total_price",
        ]
        read_only_fields = fields


# One entry of ``status_history``, read from an ``OrderEvent``. An edit of the
# instructions or address shows as a step from the order's status to the same
# status (always ``pending``, the only status that allows edits). A comment, not
# a docstring, so the published schema stays as it was.
class OrderStatusChangeSerializer(serializers.ModelSerializer):
    from_status = serializers.CharField(
        read_only=True, help_text="The status before; empty for the order's creation."
    )
    to_status = _StatusField(read_only=True)
    changed_by = serializers.PrimaryKeyRelatedField(source="actor", read_only=True, allow_null=True)
    changed_by_name = serializers.SerializerMethodField()

    class Meta:
        model = OrderEvent
        fields = ["from_status", "to_status", "changed_by", "changed_by_name", "created_at"]
        read_only_fields = fields

    def to_representation(self, event):
        data = super().to_representation(event)
        if event.kind == OrderEventKind.DETAILS_EDITED:
            status = event.data.get("status", OrderStatus.PENDING)
            data["from_status"] = data["to_status"] = status
        return data

    def get_changed_by_name(self, event) -> str | None:
        return _display_name(event.actor) if event.actor else None


class OrderSerializer(serializers.ModelSerializer):
    """An order as its customer, its vendor and admins see it."""

    service_name = serializers.CharField(source="service.service_name", read_only=True)
    vendor_name = serializers.SerializerMethodField()
    customer_name = serializers.SerializerMethodField()
    customer_email = serializers.EmailField(source="customer.email", read_only=True)
    items = OrderItemSerializer(many=True, read_only=True)
    status_history = OrderStatusChangeSerializer(source="events", many=True, read_only=True)
    allowed_transitions = serializers.SerializerMethodField(
        help_text=(
            "The statuses the caller may move this order to now (update_status); empty when none."
        )
    )

    class Meta:
        model = Order
        fields = [
            "id",
            "service",
            "service_name",
            "vendor_name",
            "customer",
            "customer_name",
            "customer_email",
            "special_instructions",
            "delivery_address",
            "order_status",
            "total_amount",
            "items",
            "status_history",
            "allowed_transitions",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_vendor_name(self, order) -> str:
        vendor = order.service.vendor
        profile = getattr(vendor, "vendor_profile", None)
        return profile.business_name if profile else _display_name(vendor)

    def get_customer_name(self, order) -> str:
        return _display_name(order.customer)

    @extend_schema_field(
        {"type": "array", "items": {"$ref": "#/components/schemas/OrderStatusEnum"}}
    )
    def get_allowed_transitions(self, order) -> list[str]:
        request = self.context.get("request")
        return allowed_transitions(order, getattr(request, "user", None))


class OrderStatusCountsSerializer(serializers.Serializer):
    pending = serializers.IntegerField()
    confirmed = serializers.IntegerField()
    preparing = serializers.IntegerField()
    ready = serializers.IntegerField()
    delivering = serializers.IntegerField()
    completed = serializers.IntegerField()
    cancelled = serializers.IntegerField()


class OrderSummarySerializer(serializers.Serializer):
    counts = OrderStatusCountsSerializer(help_text="Number of orders in each status.")
    total_orders = serializers.IntegerField()
    revenue = serializers.DecimalField(
        max_digits=16, decimal_places=2, help_text="Sum of total_amount of completed orders."
    )
