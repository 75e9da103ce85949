from django.conf import settings
from rest_framework import serializers

from payments.models import Payment, PaymentMethod, PaymentStatus


class PaymentSerializer(serializers.ModelSerializer):
    """``payment`` of an order or booking, exactly as the contract lists it."""

    method = serializers.ChoiceField(choices=PaymentMethod.choices, read_only=True)
    status = serializers.ChoiceField(choices=PaymentStatus.choices, read_only=True)
    reference = serializers.CharField(
        read_only=True, allow_null=True, help_text="Online payments only."
    )
    checkout_url = serializers.SerializerMethodField(
        help_text="Where the payer pays, while `awaiting_payment`; else null."
    )

    class Meta:
        model = Payment
        fields = [
            "method",
            "status",
            "amount",
            "currency",
            "reference",
            "checkout_url",
            "paid_at",
            "refunded_amount",
        ]
        read_only_fields = fields

    def get_checkout_url(self, payment) -> str | None:
        if payment.status != PaymentStatus.AWAITING_PAYMENT or not payment.checkout_url:
            return None
        request = self.context.get("request")
        url = payment.checkout_url
        if url.startswith("/") and request is not None:
            return request.build_absolute_uri(url)
        return url


def payment_representation(payment, *, amount, completed: bool, context) -> dict:
    """The ``payment`` of an order or booking; one made before payments
    existed (no row) reads as paid at pickup."""
    if payment is not None:
        return PaymentSerializer(payment, context=context).data
    if not amount:
        status = PaymentStatus.NOT_REQUIRED
    else:
        status = PaymentStatus.COLLECTED if completed else PaymentStatus.DUE_AT_PICKUP
    return {
        "method": PaymentMethod.PAY_AT_PICKUP.value,
        "status": status.value,
        "amount": None if amount is None else f"{amount:.2f}",
        "currency": settings.CURRENCY,
        "reference": None,
        "checkout_url": None,
        "paid_at": None,
        "refunded_amount": None,
    }
