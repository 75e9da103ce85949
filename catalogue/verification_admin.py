"""The Django admin's verification queue: pending requests first, their
documents previewed (images inline, PDFs as links), verify and reject with a
reason through ``catalogue.verification``, exactly as the API decides.

Documents are served by an admin-only view of this admin (staff session),
never from a public URL.
"""

from django.contrib import admin
from django.db.models import Case, Count, IntegerField, Value, When
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html

from catalogue import verification
from catalogue.api.verification_views import document_response
from catalogue.models import VerificationDocument, VerificationRequest, VerificationStatus
from common.admin_actions import Decision, decide_with_reason


def _decide(decision: str):
    def apply(pk, *, actor, reason):
        verification.verification_decide(
            profile_id=pk, actor=actor, decision=decision, reason=reason
        )

    return apply


VERIFY = Decision(
    apply=_decide(verification.Decision.VERIFY),
    title="Verify vendors",
    intro="These vendors will be verified and told so:",
    submit="Verify",
    done="vendor(s) verified",
    reason_help="Optional; the vendor reads it.",
)
REJECT = Decision(
    apply=_decide(verification.Decision.REJECT),
    title="Reject verification requests",
    intro="These vendors will be told their verification was not accepted, and why:",
    submit="Reject",
    done="request(s) rejected",
    reason_required=True,
    reason_help="Required; the vendor reads it.",
)


def document_admin_url(document: VerificationDocument) -> str:
    return reverse("admin:catalogue_verification_document", args=[document.pk])


class VerificationDocumentInline(admin.TabularInline):
    model = VerificationDocument
    fields = ["preview", "content_type", "size", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="Document")
    def preview(self, document):
        url = document_admin_url(document)
        if document.content_type.startswith("image/"):
            return format_html(
                '<a href="{}" target="_blank"><img src="{}" alt="document {}" '
                'style="max-height: 240px; max-width: 360px"></a>',
                url,
                url,
                document.pk,
            )
        return format_html('<a href="{}" target="_blank">Open PDF #{}</a>', url, document.pk)


@admin.register(VerificationRequest)
class VerificationQueueAdmin(admin.ModelAdmin):
    list_display = ["business_name", "user", "verification_status", "documents", "updated_at"]
    list_filter = ["verification_status", "is_active"]
    search_fields = ["business_name", "user__email"]
    list_select_related = ["user"]
    fields = [
        "business_name",
        "user",
        "verification_status",
        "verification_note",
        "verification_reason",
        "updated_at",
    ]
    readonly_fields = fields
    inlines = [VerificationDocumentInline]
    actions = ["verify", "reject"]

    # Pending requests first, oldest first: the order they should be decided in.
    ordering = [
        Case(
            When(verification_status=VerificationStatus.PENDING, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        ).asc(),
        "updated_at",
        "id",
    ]

    def get_queryset(self, request):
        return (
            super().get_queryset(request).annotate(document_count=Count("verification_documents"))
        )

    @admin.display(description="Documents", ordering="document_count")
    def documents(self, profile):
        return profile.document_count

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.action(description="Verify the selected vendors", permissions=["change"])
    def verify(self, request, queryset):
        return decide_with_reason(self, request, queryset, VERIFY)

    @admin.action(
        description="Reject the selected requests (with a reason)", permissions=["change"]
    )
    def reject(self, request, queryset):
        return decide_with_reason(self, request, queryset, REJECT)

    def get_urls(self):
        view = self.admin_site.admin_view(self.document_view)
        return [
            path("documents/<int:document_id>/", view, name="catalogue_verification_document"),
            *super().get_urls(),
        ]

    def document_view(self, request, document_id: int):
        """A document's file, for staff who may view the queue."""
        if not self.has_view_permission(request):
            raise Http404
        document = VerificationDocument.objects.filter(pk=document_id).first()
        if document is None:
            raise Http404
        return document_response(document)
