"""Migrations orders/0007 and bookings/0003 move the keys of both tables into
the one of purchases and back, keeping what each key replays and its age."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from bookings.tests.factories import BookingFactory
from orders.tests.factories import OrderFactory
from purchases.models import IdempotencyKey
from users.tests.factories import StudentFactory

BEFORE = [
    ("orders", "0006_merge_0005_line_options_snapshot_0005_order_payment"),
    ("bookings", "0002_booking_payment"),
]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_keys_move_back_to_their_tables_and_forward_again():
    student = StudentFactory()
    order = OrderFactory(customer=student)
    booking = BookingFactory(customer=student, start=timezone.now() + timedelta(days=1))
    made = timezone.now() - timedelta(hours=20)
    for scope, purchase_id in [("order", order.pk), ("booking", booking.pk), ("order", None)]:
        IdempotencyKey.objects.create(
            user=student,
            scope=scope,
            key=f"{scope}-{purchase_id}",
            request_fingerprint="f" * 64,
            purchase_id=purchase_id,
            created_at=made,
        )
    # Gone before the move back: the old foreign key could not hold it.
    IdempotencyKey.objects.create(
        user=student, scope="booking", key="gone", request_fingerprint="f" * 64, purchase_id=10**9
    )
    expected = [
        ("booking", f"booking-{booking.pk}", booking.pk, made),
        ("order", f"order-{order.pk}", order.pk, made),
        ("order", "order-None", None, made),
    ]
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = migrate(BEFORE)
        order_keys = old.get_model("orders", "IdempotencyKey").objects.all()
        booking_keys = old.get_model("bookings", "BookingIdempotencyKey").objects.all()
        moved_back = [("order", k.key, k.order_id, k.created_at) for k in order_keys] + [
            ("booking", k.key, k.booking_id, k.created_at) for k in booking_keys
        ]
        assert sorted(moved_back, key=str) == sorted(expected, key=str)
        assert not IdempotencyKey.objects.exists()

        new = migrate(latest)
        keys = new.get_model("purchases", "IdempotencyKey").objects.order_by("scope", "key")
        assert [(k.scope, k.key, k.purchase_id, k.created_at) for k in keys] == expected
        assert {k.user_id for k in keys} == {student.pk}
    finally:
        migrate(latest)
