from drf_spectacular.utils import OpenApiResponse, OpenApiTypes, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    permission_classes,
    throttle_classes,
)
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from payments import services, webhooks
from payments.providers import ProviderError

from .serializers import PaymentSerializer

SIGNATURE_HEADER = "HTTP_X_PAYSTACK_SIGNATURE"


@extend_schema(
    summary="Payment provider webhook",
    description=(
        "Called by the payment provider, without a token. The header "
        "`X-Paystack-Signature` is the hex HMAC-SHA512 of the raw body under the webhook "
        "secret; a missing or wrong one → 401 and nothing changes. Events: "
        "`charge.success` (paid, or `needs_review` for another amount or currency) and "
        "`refund.processed` (refunded); `amount` in minor units. Unknown references and "
        "repeated events → 200 with no effect."
    ),
    request={
        "application/json": inline_serializer(
            "PaymentWebhookEvent",
            {
                "event": serializers.CharField(),
                "data": inline_serializer(
                    "PaymentWebhookData",
                    {
                        "reference": serializers.CharField(),
                        "amount": serializers.IntegerField(help_text="Minor units"),
                        "currency": serializers.CharField(),
                        "status": serializers.CharField(),
                    },
                ),
            },
        )
    },
    responses={
        200: inline_serializer("PaymentWebhookResult", {"outcome": serializers.CharField()}),
        400: OpenApiResponse(description="A signed body that is not an event"),
        401: OpenApiResponse(description="Missing or invalid signature"),
    },
)
@api_view(["POST"])
@authentication_classes([])
@permission_classes([AllowAny])
@throttle_classes([])
def webhook(request):
    # The raw bytes, before any parser: the signature is over them.
    outcome = webhooks.handle(request.body, request.META.get(SIGNATURE_HEADER))
    return Response({"outcome": outcome})


@extend_schema(
    summary="Verify a payment with the provider (the payer)",
    description=(
        "Asks the provider for the charge of `reference` and applies its answer exactly as "
        "its webhook would; returns the payment. Others' references → 404."
    ),
    request=None,
    responses={
        200: PaymentSerializer,
        401: OpenApiResponse(description="Missing or invalid token"),
        404: OpenApiResponse(description="No such payment of yours"),
        502: OpenApiResponse(OpenApiTypes.OBJECT, description="The provider did not answer"),
    },
)
@api_view(["POST"])
@permission_classes([IsAuthenticated])
def verify(request, reference):
    try:
        payment = services.payment_verify(reference=reference, user=request.user)
    except ProviderError:
        return Response(
            {"detail": "The payment provider did not answer; try again shortly."},
            status=status.HTTP_502_BAD_GATEWAY,
        )
    return Response(PaymentSerializer(payment, context={"request": request}).data)
