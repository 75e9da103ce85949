from django.contrib import admin

from .models import IdempotencyKey


@admin.register(IdempotencyKey)
class IdempotencyKeyAdmin(admin.ModelAdmin):
    """What each key replays, for support; only the create services write keys."""

    list_display = ["key", "scope", "user", "purchase_id", "created_at"]
    list_filter = ["scope", "created_at"]
    search_fields = ["key", "user__email"]
    list_select_related = ["user"]
    readonly_fields = ["user", "scope", "key", "request_fingerprint", "purchase_id", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
