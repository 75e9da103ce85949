from django import forms
from django.contrib import admin

from common.exceptions import DomainError

from .models import Closure, SlotUsage, WeeklyPeriod
from .services import calendar_row_delete, calendar_row_save, validate_weekly


class WeeklyHoursFormSet(forms.BaseInlineFormSet):
    """The admin refuses what the API refuses: empty, overlapping or too many periods."""

    def clean(self):
        super().clean()
        weekly = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            validate_weekly(
                [{key: entry[key] for key in ("weekday", "opens", "closes")} for entry in weekly]
            )
        except DomainError as exc:
            raise forms.ValidationError(exc.message) from exc


class CalendarRowAdmin(admin.ModelAdmin):
    """A weekly period or closure edited on its own page: saved and deleted
    through schedule.services, which makes cached public reads stale."""

    def save_model(self, request, obj, form, change):
        calendar_row_save(row=obj)

    def delete_model(self, request, obj):
        calendar_row_delete(row=obj)

    def delete_queryset(self, request, queryset):
        for row in queryset:
            calendar_row_delete(row=row)


class WeeklyPeriodInline(admin.TabularInline):
    """Shown on the service admin (catalogue), which owns the service."""

    model = WeeklyPeriod
    formset = WeeklyHoursFormSet
    fields = ["weekday", "opens", "closes"]
    extra = 0


class ClosureInline(admin.TabularInline):
    model = Closure
    fields = ["starts_on", "ends_on", "reason"]
    extra = 0


@admin.register(WeeklyPeriod)
class WeeklyPeriodAdmin(CalendarRowAdmin):
    list_display = ["service", "weekday", "opens", "closes"]
    list_filter = ["weekday"]
    search_fields = ["service__service_name"]
    list_select_related = ["service"]
    raw_id_fields = ["service"]


@admin.register(Closure)
class ClosureAdmin(CalendarRowAdmin):
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
