"""The Django admin's "cancel with a reason" for any kind of purchase: asks
for the reason on an intermediate page, then cancels each selected row
through the core's one operator cancel (``purchases.services``), so
transitions, history, notifications, emails, freed places and refunds
happen as for any cancel, and reports each refusal as a message, never a 500.
(The API's admins cancel the same way: ``purchases.api``.)"""

from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.auth import get_permission_codename
from django.core.exceptions import ObjectDoesNotExist
from django.template.response import TemplateResponse

from common.admin_actions import ReasonForm
from common.exceptions import DomainError

from .kinds import PurchaseKind
from .models import IdempotencyKey
from .services import operator_cancel


def may_cancel_in_admin(kind: PurchaseKind, user) -> bool:
    """Staff given the model's "change" permission (superusers have it);
    "view" alone only reads."""
    opts = kind.model._meta
    codename = get_permission_codename("change", opts)
    return bool(user.is_staff and user.has_perm(f"{opts.app_label}.{codename}"))


class CancelPermissionMixin:
    """For ``@admin.action(permissions=["cancel"])``: rows stay read-only in
    the admin, but the action is offered only to ``may_cancel_in_admin``.
    The admin class names its ``purchase_kind``."""

    purchase_kind: PurchaseKind

    def has_cancel_permission(self, request) -> bool:
        return may_cancel_in_admin(self.purchase_kind, request.user)


def cancel_with_reason(
    modeladmin: admin.ModelAdmin,
    request,
    queryset,
    *,
    kind: PurchaseKind,
    describe: Callable[[object], str],
    consequence: str = "",
):
    """The body of a "cancel with a reason" action on purchases of ``kind``.
    ``describe(obj)`` is what the confirmation page lists beside each selected
    row; ``consequence`` what else cancelling does."""
    opts = modeladmin.model._meta
    noun = opts.verbose_name_plural
    action = request.POST.get("action", "")
    form = ReasonForm(request.POST if "apply" in request.POST else None)
    if not form.is_valid():
        return TemplateResponse(
            request,
            "admin/cancel_with_reason.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": f"Cancel {noun}",
                "intro": f"These {noun} will be cancelled{consequence}, "
                "and the reason recorded in each history:",
                "submit": f"Cancel these {noun}",
                "form": form,
                "objects": [(obj, describe(obj)) for obj in queryset],
                "opts": opts,
                "action": action,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )
    cancelled, refused = 0, []
    for pk in queryset.values_list("pk", flat=True):
        try:
            operator_cancel(kind, pk, actor=request.user, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            refused.append(f"#{pk}: {exc.message}")
        except ObjectDoesNotExist:
            refused.append(f"#{pk}: it no longer exists.")
        else:
            cancelled += 1
    if cancelled:
        counted = opts.verbose_name if cancelled == 1 else noun
        modeladmin.message_user(request, f"Cancelled {cancelled} {counted}.", messages.SUCCESS)
    if refused:
        modeladmin.message_user(
            request, f"Not cancelled ({len(refused)}): " + " ".join(refused), messages.ERROR
        )
    return None


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
