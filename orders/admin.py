from django.contrib import admin

from purchases.admin import CancelPermissionMixin, cancel_with_reason

from .kind import ORDER
from .models import Order, OrderEvent, OrderItem


class ReadOnlyInline(admin.TabularInline):
    """Lines and history are what happened; only the API's rules write them."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class OrderItemInline(ReadOnlyInline):
    model = OrderItem
    fields = ["service_item", "quantity", "unit_price", "total_price", "created_at"]
    readonly_fields = fields


class OrderEventInline(ReadOnlyInline):
    model = OrderEvent
    fields = ["kind", "from_status", "to_status", "actor", "reason", "data", "created_at"]
    readonly_fields = fields


@admin.register(Order)
class OrderAdmin(CancelPermissionMixin, admin.ModelAdmin):
    """Orders are placed and moved through the API, whose rules (prices,
    transitions, history) the admin must not bypass: rows are read-only here,
    and an operator cancels through the action below, which uses those rules."""

    purchase_kind = ORDER
    list_display = [
        "id",
        "service",
        "vendor",
        "customer",
        "order_status",
        "total_amount",
        "created_at",
    ]
    list_filter = ["order_status", ("service__vendor", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["=id", "customer__email", "service__service_name"]
    list_select_related = ["service__vendor", "customer"]
    date_hierarchy = "created_at"
    inlines = [OrderItemInline, OrderEventInline]
    actions = ["cancel_orders"]
    readonly_fields = [
        "service",
        "customer",
        "special_instructions",
        "delivery_address",
        "order_status",
        "total_amount",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(ordering="service__vendor__email")
    def vendor(self, order):
        return order.service.vendor

    @admin.action(description="Cancel the selected orders (with a reason)", permissions=["cancel"])
    def cancel_orders(self, request, queryset):
        return cancel_with_reason(
            self,
            request,
            queryset.select_related("service", "customer"),
            kind=ORDER,
            describe=lambda order: f"{order.service}, {order.customer}, {order.total_amount}",
            consequence=", their pickup places freed",
        )


@admin.register(OrderEvent)
class OrderEventAdmin(admin.ModelAdmin):
    """The order events as one feed, for support: what happened, to which order, by whom."""

    list_display = ["id", "order", "kind", "from_status", "to_status", "actor", "created_at"]
    list_filter = ["kind"]
    search_fields = ["=order__id", "actor__email"]
    list_select_related = ["order", "actor"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "order",
        "kind",
        "actor",
        "from_status",
        "to_status",
        "reason",
        "data",
        "created_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
