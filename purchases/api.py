"""The admins' operator cancel through the API, shared by the order and
booking view sets: ``POST /api/<kind>s/{id}/operator_cancel/`` with a
reason. Who may: the API's admins (``user_type`` admin), the role that sees
every purchase through the API. (In the Django admin the same cancel is
offered to staff given the model's change permission, ``purchases.admin``;
superusers are both.) Anyone else who can see the purchase gets 403, anyone
who cannot 404, as for the contract's other actions."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.permissions import BasePermission

from common.admin_actions import REASON_MAX_LENGTH

from .kinds import PurchaseKind
from .services import operator_cancel


class OperatorCancelSerializer(serializers.Serializer):
    reason = serializers.CharField(
        max_length=REASON_MAX_LENGTH,
        help_text=(
            "Why, 1 to 500 characters once trimmed: kept in the history entry and told to "
            "the customer."
        ),
    )


class IsAdminOperator(BasePermission):
    """Checked on the purchase once found, so strangers get 404 first."""

    message = "Only admins can cancel as an operator."

    def has_object_permission(self, request, view, obj):
        return bool(request.user.is_authenticated and request.user.is_admin_type)


def operator_cancel_schema(kind: PurchaseKind, detail: type[serializers.Serializer]):
    """The OpenAPI description of a view set's ``operator_cancel`` action."""
    noun = kind.name
    return extend_schema(
        summary=f"Cancel any {noun} still under way, with a reason (admins)",
        description=(
            f"An operator's cancel, as the Django admin's action: any {noun} not yet final "
            f"({', '.join(kind.operator_cancellable)}), whoever it belongs to. `reason` is "
            "required (trimmed, 1 to 500 characters) and recorded in the history entry, "
            "with the admin as its actor; the customer is notified and emailed, the "
            f"{noun}'s place is freed and an online payment refunded. A final {noun}: 400 "
            "with the reason. Vendors and students: 403 on their own, 404 on others'."
        ),
        request=OperatorCancelSerializer,
        responses={
            200: detail,
            400: OpenApiResponse(description="No reason, a reason too long, or a final status"),
            401: OpenApiResponse(description="Missing or invalid token"),
            403: OpenApiResponse(description="Not an admin"),
            404: OpenApiResponse(description=f"No such {noun} among those you can see"),
        },
    )


def cancel_as_operator(view, request, kind: PurchaseKind):
    """The action's body: find the purchase as the caller sees it (404), check
    they are an admin (403), then the one operator cancel."""
    purchase = view.get_object()
    serializer = OperatorCancelSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    return operator_cancel(
        kind, purchase.pk, actor=request.user, reason=serializer.validated_data["reason"]
    )
