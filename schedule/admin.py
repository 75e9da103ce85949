from django.contrib import admin

from .models import Closure, SlotUsage, WeeklyPeriod


@admin.register(WeeklyPeriod)
class WeeklyPeriodAdmin(admin.ModelAdmin):
    list_display = ["service", "weekday", "opens", "closes"]
    list_filter = ["weekday"]
    search_fields = ["service__service_name"]
    list_select_related = ["service"]
    raw_id_fields = ["service"]


@admin.register(Closure)
class ClosureAdmin(admin.ModelAdmin):
    list_display = ["service", "starts_on", "ends_on", "reason"]
    list_filter = ["starts_on"]
    search_fields = ["service__service_name", "reason"]
    list_select_related = ["service"]
    raw_id_fields = ["service"]


@admin.register(SlotUsage)
class SlotUsageAdmin(admin.ModelAdmin):
    """Read-only: the counters move only with orders and bookings."""

    list_display = ["service", "start", "end", "taken"]
    list_filter = ["start"]
    search_fields = ["service__service_name"]
    list_select_related = ["service"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
