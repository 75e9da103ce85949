from datetime import datetime

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
    hold_expires_at = serializers.SerializerMethodField(
        help_text="While `awaiting_payment`: when the hold lapses and the order or booking is "
        "cancelled unless paid (`PAYMENT_HOLD_MINUTES` after creation); else null."
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
            "hold_expires_at",
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

    def get_hold_expires_at(self, payment) -> datetime | None:
        # The stored deadline outlives the hold (a paid payment keeps it); only
        # a payment still waiting is held.
        if payment.status != PaymentStatus.AWAITING_PAYMENT or payment.hold_expires_at is None:
            return None
        return serializers.DateTimeField().to_representation(payment.hold_expires_at)


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
        "hold_expires_at": None,
    }
