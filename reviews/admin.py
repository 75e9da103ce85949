from django.contrib import admin

from reviews import selectors, services
from reviews.models import Review, ReviewEvent
from reviews.moderation_admin import ModerationActions


@admin.register(Review)
class ReviewAdmin(ModerationActions, admin.ModelAdmin):
    """Moderation of reviews. Every change goes through reviews.services, so the
    service's rating stays exact; reviews are only written by students."""

    list_display = [
        "id",
        "service",
        "user",
        "rating",
        "verified_purchase",
        "moderation_status",
        "created_at",
    ]
    list_filter = ["rating", "moderation_status", "created_at"]
    search_fields = ["comment", "user__email", "service__service_name"]
    list_select_related = ["service", "user"]
    date_hierarchy = "created_at"
    ordering = ["-created_at", "-id"]
    fields = [
        "service",
        "user",
        "rating",
        "comment",
        "moderation_status",
        "reply_text",
        "created_at",
        "updated_at",
    ]
    # Moderation and replies change through their own services (the actions, the API).
    readonly_fields = [
        "service",
        "user",
        "moderation_status",
        "reply_text",
        "created_at",
        "updated_at",
    ]
    actions = ["keep", "remove"]

    def get_queryset(self, request):
        return selectors.reviews_with_verification(super().get_queryset(request))

    @admin.display(boolean=True, ordering="verified_purchase")
    def verified_purchase(self, review):
        return review.verified_purchase

    def has_add_permission(self, request):
        return False

    def save_model(self, request, obj, form, change):
        services.review_update(
            review=obj, rating=obj.rating, comment=obj.comment, actor=request.user
        )

    def delete_model(self, request, obj):
        services.review_delete(review=obj, actor=request.user)

    def delete_queryset(self, request, queryset):
        # One transaction per review: each locks only its own service's row.
        for review in queryset:
            services.review_delete(review=review, actor=request.user)


@admin.register(ReviewEvent)
class ReviewEventAdmin(admin.ModelAdmin):
    """What happened to reviews (posted, edited, deleted), kept after a review is gone."""

    list_display = ["id", "service", "review", "kind", "actor", "created_at"]
    list_filter = ["kind"]
    search_fields = ["service__service_name", "actor__email"]
    list_select_related = ["service", "review", "actor"]
    date_hierarchy = "created_at"
    readonly_fields = ["review", "service", "kind", "actor", "reason", "data", "created_at"]
    exclude = ["from_status", "to_status"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
