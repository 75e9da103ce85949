from datetime import timedelta

from django.contrib import admin, messages
from django.utils import timezone

from . import services
from .models import Payment, PaymentStatus, ProviderEvent, Refund, RefundStatus

# A refund pending longer than this is stuck: someone should look at it.
STUCK_AFTER = timedelta(hours=1)


class StuckRefundFilter(admin.SimpleListFilter):
    title = "refund"
    parameter_name = "refund"

    def lookups(self, request, model_admin):
        return [("stuck", "Stuck (pending over an hour)"), ("pending", "Pending")]

    def queryset(self, request, queryset):
        field = "refund__" if queryset.model is Payment else ""
        if self.value() == "pending":
            return queryset.filter(**{f"{field}status": RefundStatus.PENDING})
        if self.value() == "stuck":
            return queryset.filter(
                **{
                    f"{field}status": RefundStatus.PENDING,
                    f"{field}created_at__lt": timezone.now() - STUCK_AFTER,
                }
            )
        return queryset


class ReadOnlyAdmin(admin.ModelAdmin):
    """Payments change only through their rules (the provider's messages and
    the actions below), never by editing a row."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Payment)
class PaymentAdmin(ReadOnlyAdmin):
    list_display = ["reference", "method", "status", "amount", "currency", "payer", "created_at"]
    list_filter = ["status", "method", "provider", StuckRefundFilter]
    search_fields = ["reference", "payer__email"]
    list_select_related = ["payer"]
    actions = ["accept_reviewed", "refund_reviewed"]

    @admin.action(description="Reviewed: accept the charge as the payment (needs review only)")
    def accept_reviewed(self, request, queryset):
        done = sum(
            services.payment_mark_reviewed(payment_id=pk)
            for pk in queryset.filter(status=PaymentStatus.NEEDS_REVIEW).values_list(
                "pk", flat=True
            )
        )
        self.message_user(request, f"{done} payment(s) accepted.", messages.SUCCESS)

    @admin.action(description="Refund and cancel (needs review only)")
    def refund_reviewed(self, request, queryset):
        done = sum(
            services.payment_refund_reviewed(payment_id=pk)
            for pk in queryset.filter(status=PaymentStatus.NEEDS_REVIEW).values_list(
                "pk", flat=True
            )
        )
        self.message_user(request, f"{done} payment(s) refunded.", messages.SUCCESS)


@admin.register(Refund)
class RefundAdmin(ReadOnlyAdmin):
    list_display = [
        "payment",
        "amount",
        "currency",
        "status",
        "attempts",
        "last_error",
        "created_at",
    ]
    list_filter = ["status", StuckRefundFilter]
    search_fields = ["payment__reference"]
    list_select_related = ["payment"]


@admin.register(ProviderEvent)
class ProviderEventAdmin(ReadOnlyAdmin):
    list_display = ["event", "reference", "outcome", "received_at"]
    list_filter = ["event"]
    search_fields = ["reference"]
