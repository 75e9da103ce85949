from django.contrib import admin

from purchases.admin import CancelPermissionMixin, cancel_with_reason

from .kind import BOOKING
from .models import Booking, BookingEvent


class BookingEventInline(admin.TabularInline):
    """The history is what happened; only the booking rules write it."""

    model = BookingEvent
    extra = 0
    can_delete = False
    fields = ["kind", "from_status", "to_status", "actor", "reason", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Booking)
class BookingAdmin(CancelPermissionMixin, admin.ModelAdmin):
    """Bookings are made and moved through the rules in ``bookings.services``
    (seats, history, notifications), which the admin must not bypass: rows are
    read-only here, and an operator cancels through the action below."""

    purchase_kind = BOOKING
    list_display = ["id", "service", "vendor", "customer", "start", "end", "booking_status"]
    list_filter = [
        "booking_status",
        ("service__vendor", admin.RelatedOnlyFieldListFilter),
        "start",
    ]
    search_fields = ["=id", "customer__email", "service__service_name"]
    list_select_related = ["service__vendor", "customer"]
    date_hierarchy = "start"
    inlines = [BookingEventInline]
    actions = ["cancel_bookings"]
    readonly_fields = [
        "service",
        "customer",
        "service_item",
        "price",
        "start",
        "end",
        "booking_status",
        "notes",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # The change page is needed for viewing; every field is read-only.
        return request.method == "GET" and super().has_change_permission(request, obj)

    @admin.display(ordering="service__vendor__email")
    def vendor(self, booking):
        return booking.service.vendor

    @admin.action(
        description="Cancel the selected bookings (with a reason)", permissions=["cancel"]
    )
    def cancel_bookings(self, request, queryset):
        return cancel_with_reason(
            self,
            request,
            queryset.select_related("service", "customer"),
            kind=BOOKING,
            describe=lambda booking: (
                f"{booking.service}, {booking.start:%Y-%m-%d %H:%M}, {booking.customer}"
            ),
            consequence=", their seats freed",
        )


@admin.register(BookingEvent)
class BookingEventAdmin(admin.ModelAdmin):
    list_display = ["booking", "kind", "from_status", "to_status", "actor", "created_at"]
    list_filter = ["kind", "to_status"]
    search_fields = ["=booking__id", "actor__email", "reason"]
    list_select_related = ["booking", "actor"]
    readonly_fields = [
        "booking",
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
