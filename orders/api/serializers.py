import re

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from catalogue.models import Service
from catalogue.selectors import vendor_is_hidden
from common.fields import IdField, LockedLaterField, LockedLaterMixin
from common.serializers import FastReadMixin
from orders.kind import ORDER
from orders.lines import MAX_LINES, MAX_QUANTITY
from orders.models import Order, OrderEvent, OrderEventKind, OrderItem, OrderStatus
from orders.scheduling import READY_IN_MINUTES
from payments.api.serializers import PaymentSerializer, payment_representation
from payments.models import PaymentMethod
from purchases.transitions import allowed_transitions
from users.selectors import public_name

MAX_INSTRUCTIONS_LENGTH = 2000
# Every option of every group of an item (catalogue.options limits).
MAX_CHOSEN_OPTIONS = 300
STRICT_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


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
    options = serializers.ListField(
        child=IdField(),
        required=False,
        default=list,
        max_length=MAX_CHOSEN_OPTIONS,
        help_text="Ids of the chosen options of this line's item, each at most once.",
    )


class OrderCreateSerializer(LockedLaterMixin, serializers.Serializer):
    """What a student sends. Prices, totals, customer and status are not
    fields here, so whatever the client says about them is ignored."""

    # Read under the service's lock by orders.services.order_place.
    service = LockedLaterField(queryset=Service.objects.all())
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
    pickup_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        help_text=(
            "The `start` of one of the service's pickup slots; omitted or null: as soon as "
            "possible (the service must be open now)."
        ),
    )
    payment_method = serializers.ChoiceField(
        choices=PaymentMethod.choices,
        required=False,
        help_text=(
            "One of the service's `payment_methods`; default `pay_at_pickup` when it accepts "
            "that, else `online`."
        ),
    )


def _ready_in_minutes_field():
    low, high = READY_IN_MINUTES
    return serializers.IntegerField(
        min_value=low,
        max_value=high,
        required=False,
        help_text=(
            "With `confirmed` or `preparing` only: the vendor's estimate, "
            "`estimated_ready_at` becomes now plus this."
        ),
    )


class OrderStatusInputSerializer(serializers.Serializer):
    order_status = serializers.ChoiceField(choices=OrderStatus.choices)
    ready_in_minutes = _ready_in_minutes_field()
    reason = serializers.CharField(
        max_length=500,
        required=False,
        allow_blank=True,
        help_text="Why the order is cancelled (a vendor's decline), shown to the customer in "
        "`status_history`. Ignored for any other status.",
    )


class OrderUpdateSerializer(serializers.Serializer):
    """PATCH: a status change, and for the customer of a pending order, its
    instructions and delivery address."""

    order_status = serializers.ChoiceField(choices=OrderStatus.choices, required=False)
    ready_in_minutes = _ready_in_minutes_field()
    special_instructions = _NullAsBlankCharField(max_length=MAX_INSTRUCTIONS_LENGTH)
    delivery_address = _NullAsBlankCharField(max_length=500)


class OrderLineOptionSerializer(serializers.Serializer):
    group = serializers.CharField()
    name = serializers.CharField()
    price_delta = serializers.DecimalField(max_digits=10, decimal_places=2)


class OrderItemSerializer(FastReadMixin, serializers.ModelSerializer):
    # Both names are the snapshot taken at placement; a later rename never shows here.
    service_item_name = serializers.CharField(source="item_name", read_only=True)
    item_name = serializers.CharField(read_only=True)
    options = OrderLineOptionSerializer(
        many=True, read_only=True, help_text="The chosen options, as they were at placement."
    )

    class Meta:
        model = OrderItem
        fields = [
            "id",
            "service_item",
            "service_item_name",
            "item_name",
            "options",
            "quantity",
            "unit_price",
            "total_price",
        ]
        read_only_fields = fields


# One entry of ``status_history``, read from an ``OrderEvent``. An edit of the
# instructions or address shows as a step from the order's status to the same
# status (always ``pending``, the only status that allows edits). A comment, not
# a docstring, so the published schema stays as it was.
class OrderStatusChangeSerializer(FastReadMixin, serializers.ModelSerializer):
    from_status = serializers.CharField(
        read_only=True, help_text="The status before; empty for the order's creation."
    )
    to_status = _StatusField(read_only=True)
    changed_by = serializers.PrimaryKeyRelatedField(source="actor", read_only=True, allow_null=True)
    changed_by_name = serializers.SerializerMethodField()
    reason = serializers.CharField(
        read_only=True, help_text="Why, for a cancellation that gave a reason; else empty."
    )

    class Meta:
        model = OrderEvent
        fields = [
            "from_status",
            "to_status",
            "changed_by",
            "changed_by_name",
            "reason",
            "created_at",
        ]
        read_only_fields = fields

    def to_representation(self, event):
        data = super().to_representation(event)
        if event.kind == OrderEventKind.DETAILS_EDITED:
            status = event.data.get("status", OrderStatus.PENDING)
            data["from_status"] = data["to_status"] = status
        return data

    def get_changed_by_name(self, event) -> str | None:
        return public_name(event.actor) if event.actor else None


class OrderSerializer(FastReadMixin, serializers.ModelSerializer):
    """An order as its customer, its vendor and admins see it."""

    service_name = serializers.CharField(source="service.service_name", read_only=True)
    vendor_name = serializers.SerializerMethodField()
    service_listed = serializers.SerializerMethodField(
        help_text=(
            "True while the service is on the marketplace (not deleted, its vendor not "
            "hidden), so it can be ordered from or reviewed again; false otherwise."
        )
    )
    customer_name = serializers.SerializerMethodField()
    customer_email = serializers.SerializerMethodField(
        help_text="The customer's email, shown to the customer and admins; null for the vendor."
    )
    items = OrderItemSerializer(many=True, read_only=True)
    status_history = OrderStatusChangeSerializer(source="events", many=True, read_only=True)
    allowed_transitions = serializers.SerializerMethodField(
        help_text=(
            "The statuses the caller may move this order to now (update_status); empty when none."
        )
    )
    payment = serializers.SerializerMethodField(help_text="How the order is paid.")

    class Meta:
        model = Order
        fields = [
            "id",
            "service",
            "service_name",
            "vendor_name",
            "service_listed",
            "customer",
            "customer_name",
            "customer_email",
            "special_instructions",
            "delivery_address",
            "order_status",
            "total_amount",
            "pickup_at",
            "estimated_ready_at",
            "items",
            "status_history",
            "allowed_transitions",
            "payment",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(PaymentSerializer)
    def get_payment(self, order) -> dict:
        return payment_representation(
            order.payment,
            amount=order.total_amount,
            completed=order.order_status == OrderStatus.COMPLETED,
            context=self.context,
        )

    def get_vendor_name(self, order) -> str:
        return public_name(order.service.vendor)

    def get_service_listed(self, order) -> bool:
        # The order list reads the vendor and profile with the order, so this costs no query.
        return order.service.is_active and not vendor_is_hidden(order.service.vendor)

    def get_customer_name(self, order) -> str:
        return public_name(order.customer)

    def get_customer_email(self, order) -> str | None:
        request = self.context.get("request")
        viewer = request.user if request else None
        if viewer is not None and (viewer.pk == order.customer_id or viewer.is_admin_type):
            return order.customer.email
        return None

    @extend_schema_field(
        {"type": "array", "items": {"$ref": "#/components/schemas/OrderStatusEnum"}}
    )
    def get_allowed_transitions(self, order) -> list[str]:
        request = self.context.get("request")
        return allowed_transitions(ORDER, order, getattr(request, "user", None))


class OrderStatusCountsSerializer(serializers.Serializer):
    pending = serializers.IntegerField()
    confirmed = serializers.IntegerField()
    preparing = serializers.IntegerField()
    ready = serializers.IntegerField()
    delivering = serializers.IntegerField()
    completed = serializers.IntegerField()
    cancelled = serializers.IntegerField()


class OrderDaySerializer(serializers.Serializer):
    date = serializers.DateField(help_text="A local date (campus time zone).")
    orders = serializers.IntegerField(help_text="Orders placed that day.")
    completed = serializers.IntegerField(help_text="How many of them are completed now.")
    revenue = serializers.DecimalField(
        max_digits=16, decimal_places=2, help_text="Total of those completed orders."
    )
    paid_online = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        help_text="Total of those orders paid online (payment `paid`; not refunded).",
    )
    paid_at_pickup = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        help_text="Total of those orders paid at pickup (payment `collected`).",
    )
    refunded = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        help_text="Refunds confirmed for those orders (payment `refunded`).",
    )


class ItemSalesSerializer(serializers.Serializer):
    item = serializers.IntegerField(help_text="The service item's id.")
    name = serializers.CharField(help_text="The item's name now.")
    quantity = serializers.IntegerField(help_text="Units sold in completed orders.")
    revenue = serializers.DecimalField(
        max_digits=16, decimal_places=2, help_text="Their line totals (prices paid)."
    )


class OrderSummarySerializer(serializers.Serializer):
    counts = OrderStatusCountsSerializer(help_text="Number of orders in each status (all time).")
    total_orders = serializers.IntegerField(help_text="All time.")
    revenue = serializers.DecimalField(
        max_digits=16,
        decimal_places=2,
        help_text="Sum of total_amount of completed orders (all time).",
    )
    by_day = OrderDaySerializer(
        many=True, help_text="Every date from `from` to `to`, zeros included."
    )
    by_item = ItemSalesSerializer(
        many=True,
        help_text="Sales per item in completed orders placed from `from` to `to`, "
        "highest takings first.",
    )

    def get_fields(self):
        # "from" is a Python keyword, so the range's fields are added by name.
        fields = super().get_fields()
        fields["from"] = serializers.DateField(help_text="First date of `by_day`.")
        fields["to"] = serializers.DateField(help_text="Last date of `by_day`.")
        return fields


class StrictDateField(serializers.DateField):
    """A date written exactly ``YYYY-MM-DD`` (strptime alone also takes ``2026-3-1``)."""

    default_error_messages = {"invalid": "Date has wrong format. Use YYYY-MM-DD."}

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%Y-%m-%d"], **kwargs)

    def to_internal_value(self, value):
        if not isinstance(value, str) or not STRICT_DATE.fullmatch(value):
            self.fail("invalid")
        return super().to_internal_value(value)


REPORT_YEARS = (2000, 2100)


class ReportDateField(StrictDateField):
    """A report date within the years 2000 to 2100: far enough for any real
    report, and a range's day arithmetic never leaves what ``date`` holds."""

    default_error_messages = {
        "out_of_range": "Report dates must fall in the years {first} to {last}.",
    }

    def to_internal_value(self, value):
        day = super().to_internal_value(value)
        first, last = REPORT_YEARS
        if not first <= day.year <= last:
            self.fail("out_of_range", first=first, last=last)
        return day


class ReportQuerySerializer(serializers.Serializer):
    """``?from=YYYY-MM-DD&to=YYYY-MM-DD``, local dates, both optional."""

    def get_fields(self):
        return {name: ReportDateField(required=False) for name in ("from", "to")}
