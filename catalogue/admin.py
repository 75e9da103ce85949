from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models

from catalogue import services
from catalogue.models import Option, OptionGroup, Service, ServiceItem, VendorProfile
from catalogue.verification_admin import VERIFY
from common.admin_actions import decide_with_reason
from common.images import validate_image
from schedule.admin import ClosureInline, WeeklyPeriodInline


class ImageCheckedForm(forms.ModelForm):
    """Admin uploads pass the same image checks as API uploads."""

    def clean(self):
        cleaned = super().clean()
        for name, value in list(cleaned.items()):
            if isinstance(value, UploadedFile):
                try:
                    cleaned[name] = validate_image(value)
                except ValidationError as exc:
                    self.add_error(name, exc)
        return cleaned


class CatalogueAdmin(admin.ModelAdmin):
    """Saves and deletes go through catalogue.services, so files are cleaned up
    and cached public reads invalidated exactly as through the API. Each
    subclass names its delete rule in ``delete_one``."""

    form = ImageCheckedForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request, obj, form, change):
        services.save_from_admin(instance=obj)

    def delete_model(self, request, obj):
        self.delete_one(obj)

    def delete_queryset(self, request, queryset):
        for obj in queryset:
            self.delete_one(obj)


@admin.register(VendorProfile)
class VendorProfileAdmin(CatalogueAdmin):
    list_display = [
        "business_name",
        "user",
        "is_verified",
        "verification_status",
        "is_active",
        "created_at",
    ]
    list_filter = ["is_verified", "verification_status", "is_active"]
    search_fields = ["business_name", "user__email", "address", "email"]
    list_select_related = ["user"]
    raw_id_fields = ["user"]
    # Verification changes only through its decision (the verification queue's actions).
    readonly_fields = [
        "is_verified",
        "verification_status",
        "verification_reason",
        "verification_note",
    ]
    actions = ["verify", "deactivate"]

    def delete_one(self, obj):
        services.vendor_profile_delete(profile=obj)

    @admin.action(description="Verify the selected vendors")
    def verify(self, request, queryset):
        return decide_with_reason(self, request, queryset, VERIFY)

    @admin.action(description="Deactivate the selected vendors (hides their services)")
    def deactivate(self, request, queryset):
        count = services.vendor_profiles_set_status(profiles=queryset, is_active=False)
        self.message_user(request, f"{count} vendor(s) deactivated.", messages.SUCCESS)


class ServiceItemInline(admin.TabularInline):
    model = ServiceItem
    form = ImageCheckedForm
    fields = ["name", "price", "is_available", "is_active"]
    extra = 0
    show_change_link = True
    can_delete = False


@admin.register(Service)
class ServiceAdmin(CatalogueAdmin):
    list_display = [
        "service_name",
        "vendor",
        "category",
        "service_type",
        "base_price",
        "is_available",
        "is_active",
        "rating",
        "created_at",
    ]
    list_filter = ["category", "service_type", "is_active", "is_available", "availability_status"]
    search_fields = ["service_name", "description", "location", "vendor__email"]
    list_select_related = ["vendor"]
    raw_id_fields = ["vendor"]
    readonly_fields = ["rating", "total_ratings", "created_at", "updated_at"]
    inlines = [ServiceItemInline, WeeklyPeriodInline, ClosureInline]

    def delete_one(self, obj):
        services.service_delete(service=obj)


@admin.register(ServiceItem)
class ServiceItemAdmin(CatalogueAdmin):
    list_display = ["name", "service", "price", "stock", "is_available", "is_active"]
    list_filter = ["is_available", "is_active", "service__category"]
    search_fields = ["name", "description", "service__service_name"]
    list_select_related = ["service"]
    raw_id_fields = ["service"]

    def delete_one(self, obj):
        services.service_item_delete(item=obj)


class OptionInline(admin.TabularInline):
    model = Option
    fields = ["name", "price_delta", "is_available", "position"]
    extra = 0


@admin.register(OptionGroup)
class OptionGroupAdmin(admin.ModelAdmin):
    """For looking up and fixing; vendors manage groups through the API, whose
    rules (catalogue.options) this form does not re-check."""

    list_display = ["name", "item", "min_choices", "max_choices"]
    search_fields = ["name", "item__name", "item__service__service_name"]
    list_select_related = ["item"]
    raw_id_fields = ["item"]
    inlines = [OptionInline]
