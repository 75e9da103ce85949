"""What the Django admin's operator actions share: "decide with a reason"
asks for the reason on an intermediate page, then applies the decision to
each row through the domain's own service and reports each refusal as a
message, never a 500. (Cancelling a purchase: ``purchases.admin``.)"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse

from common.exceptions import DomainError

REASON_MAX_LENGTH = 500


class ReasonForm(forms.Form):
    reason = forms.CharField(
        max_length=REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Recorded in each history and told to the customer.",
    )


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(
        max_length=REASON_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Recorded with the decision.",
    )


@dataclass(frozen=True)
class Decision:
    """What an admin "decide with a reason" action says and does: ``apply(pk,
    actor=, reason=)`` is the domain's own service; ``done`` the past tense
    for the success message ("verified")."""

    apply: Callable[..., object]
    title: str
    intro: str
    submit: str
    done: str
    reason_required: bool = False
    reason_help: str = "Recorded with the decision."


def decide_with_reason(modeladmin: admin.ModelAdmin, request, queryset, decision: Decision):
    """Ask for a reason on an intermediate page, then apply ``decision`` to each
    selected row through the domain service; refusals become messages."""
    form_class = ReasonForm if decision.reason_required else OptionalReasonForm
    form = form_class(request.POST if "apply" in request.POST else None)
    form.fields["reason"].help_text = decision.reason_help
    if not form.is_valid():
        return TemplateResponse(
            request,
            "admin/cancel_with_reason.html",
            {
                **modeladmin.admin_site.each_context(request),
                "title": decision.title,
                "intro": decision.intro,
                "submit": decision.submit,
                "form": form,
                "objects": [(obj, "") for obj in queryset],
                "opts": modeladmin.model._meta,
                "action": request.POST.get("action", ""),
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            },
        )
    done, refused = 0, []
    for pk in queryset.values_list("pk", flat=True):
        try:
            decision.apply(pk, actor=request.user, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            refused.append(f"#{pk}: {exc.message}")
        else:
            done += 1
    if done:
        modeladmin.message_user(request, f"{done} {decision.done}.", messages.SUCCESS)
    if refused:
        modeladmin.message_user(
            request, f"Refused ({len(refused)}): " + " ".join(refused), messages.ERROR
        )
    return None
