"""The Django admin's moderation queue: held reviews (enough open reports)
with their reports, and keep or remove with a reason through
``reviews.moderation``, exactly as the API's moderate endpoint."""

from django.contrib import admin
from django.db.models import Count, Q

from common.admin_actions import Decision, decide_with_reason
from reviews import moderation
from reviews.models import HeldReview, ModerationStatus, ReviewReport


def _moderate(decision: str):
    def apply(pk, *, actor, reason):
        moderation.review_moderate(review_id=pk, actor=actor, decision=decision, reason=reason)

    return apply


KEEP = Decision(
    apply=_moderate(moderation.Decision.KEEP),
    title="Keep reviews",
    intro="These reviews will be listed again and their reports closed:",
    submit="Keep",
    done="review(s) kept",
)
REMOVE = Decision(
    apply=_moderate(moderation.Decision.REMOVE),
    title="Remove reviews",
    intro="These reviews will be hidden for good (their authors still see them) and no "
    "longer count in their service's rating:",
    submit="Remove",
    done="review(s) removed",
)


class ReportInline(admin.TabularInline):
    model = ReviewReport
    fields = ["reporter", "reason", "created_at", "closed_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ModerationActions:
    """Keep and remove, for any admin list of reviews."""

    @admin.action(description="Keep the selected reviews (close their reports)")
    def keep(self, request, queryset):
        return decide_with_reason(self, request, queryset, KEEP)

    @admin.action(description="Remove the selected reviews for good")
    def remove(self, request, queryset):
        return decide_with_reason(self, request, queryset, REMOVE)


@admin.register(HeldReview)
class ModerationQueueAdmin(ModerationActions, admin.ModelAdmin):
    list_display = ["id", "service", "user", "rating", "comment", "open_reports", "created_at"]
    search_fields = ["comment", "user__email", "service__service_name"]
    list_select_related = ["service", "user"]
    fields = ["service", "user", "rating", "comment", "moderation_status", "created_at"]
    readonly_fields = fields
    inlines = [ReportInline]
    actions = ["keep", "remove"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(moderation_status=ModerationStatus.HELD)
            .annotate(open_report_count=Count("reports", filter=Q(reports__closed_at__isnull=True)))
            .order_by("created_at", "id")
        )

    @admin.display(description="Open reports", ordering="open_report_count")
    def open_reports(self, review):
        return review.open_report_count

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ReviewReport)
class ReviewReportAdmin(admin.ModelAdmin):
    list_display = ["id", "review", "reporter", "reason", "created_at", "closed_at"]
    list_filter = [("closed_at", admin.EmptyFieldListFilter), "created_at"]
    search_fields = ["reason", "reporter__email"]
    list_select_related = ["review", "reporter"]
    readonly_fields = ["review", "reporter", "reason", "created_at", "closed_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
