from django.contrib import admin

from .models import EmailOutbox, EventTicket, Notification, OpenStream


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written by the domain's rules in the transaction of each change; the
    admin reads them (an admin may still delete)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = [
        *("id", "kind", "recipient", "title"),
        *("subject_type", "subject_id", "created_at", "read_at"),
    ]
    list_filter = ["kind", "subject_type", ("read_at", admin.EmptyFieldListFilter), "created_at"]
    search_fields = ["title", "body", "recipient__email"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient", "service"]
    date_hierarchy = "created_at"


@admin.register(EmailOutbox)
class EmailOutboxAdmin(ReadOnlyAdmin):
    list_display = ["id", "to", "subject", "created_at", "attempts", "sent_at"]
    list_filter = [("sent_at", admin.EmptyFieldListFilter), "created_at"]
    search_fields = ["to", "subject"]
    raw_id_fields = ["notification"]


@admin.register(EventTicket)
class EventTicketAdmin(ReadOnlyAdmin):
    list_display = ["id", "user", "created_at", "expires_at", "used_at"]
    list_filter = [("used_at", admin.EmptyFieldListFilter)]
    search_fields = ["user__email"]
    list_select_related = ["user"]
    exclude = ["key_hash", "session"]


@admin.register(OpenStream)
class OpenStreamAdmin(ReadOnlyAdmin):
    """Streams open now (``EVENTS_MAX_STREAMS``); deleting a row ends its stream."""

    list_display = ["id", "user", "opened_at"]
    list_filter = ["opened_at"]
    search_fields = ["user__email"]
    list_select_related = ["user"]
