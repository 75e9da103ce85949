"""The kinds orders and bookings declare, read the way the core reads them."""

from decimal import Decimal

import pytest
from django.utils import timezone

from bookings.kind import BOOKING
from bookings.tests.factories import BookingFactory
from orders.kind import ORDER
from orders.tests.factories import OrderFactory
from payments.services import payment_open
from purchases import kinds
from purchases.transitions import CUSTOMER, VENDOR, is_final, step_refusal


def test_orders_and_bookings_are_registered_once_each():
    assert {kind.name for kind in kinds.registered()} == {"order", "booking"}


@pytest.mark.parametrize("kind", [ORDER, BOOKING], ids=lambda kind: kind.name)
def test_an_operator_may_cancel_exactly_what_is_not_final(kind):
    statuses = kind.model._meta.get_field(kind.status_field).choices
    open_statuses = {value for value, _ in statuses if not is_final(kind, value)}
    assert open_statuses == set(kind.operator_cancellable)
    assert is_final(kind, kind.cancelled) and is_final(kind, kind.completed)


def test_refusals_name_the_moves_left_or_say_final():
    assert step_refusal(ORDER, VENDOR, "pending", "confirmed") is None
    assert step_refusal(ORDER, VENDOR, "pending", "ready") == (
        "Cannot change status from 'pending' to 'ready'. "
        "From 'pending' it can go to: cancelled, confirmed."
    )
    assert step_refusal(ORDER, CUSTOMER, "confirmed", "cancelled").endswith(
        "As the customer you may only cancel a pending order."
    )
    assert step_refusal(BOOKING, VENDOR, "no_show", "confirmed") == (
        "Cannot change status from 'no_show' to 'confirmed'. A 'no_show' booking is final."
    )


@pytest.mark.django_db
def test_a_payment_leads_to_the_purchase_it_pays_for(settings):
    assert kinds.paid_by(0) is None
    for kind, purchase in (
        (ORDER, OrderFactory()),
        (BOOKING, BookingFactory(start=timezone.now())),
    ):
        purchase.payment = payment_open(
            payer=purchase.customer,
            method="pay_at_pickup",
            amount=Decimal("1.00"),
            currency=settings.CURRENCY,
        )
        purchase.save(update_fields=["payment"])
        assert kinds.paid_by(purchase.payment_id) == (kind, purchase.pk)
