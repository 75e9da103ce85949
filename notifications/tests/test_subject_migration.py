"""Migrations notifications/0006 to 0008 carry every notification's order or
booking over to its generic subject, and back."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from bookings.tests.factories import BookingFactory
from orders.tests.factories import OrderFactory
from users.tests.factories import StudentFactory

BEFORE = [("notifications", "0005_email_outbox_due_at")]
AFTER = [("notifications", "0008_notification_drop_domain_links")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_order_and_booking_links_become_subjects_and_back():
    student = StudentFactory()
    order, booking = OrderFactory(), BookingFactory(start=timezone.now() + timedelta(days=1))
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    links = [
        {"order_id": order.pk, "service_id": order.service_id},
        {"booking_id": booking.pk, "service_id": booking.service_id},
        {"service_id": order.service_id},
        {},
    ]
    try:
        old = migrate(BEFORE).get_model("notifications", "Notification")
        for link in links:
            old.objects.create(recipient_id=student.pk, kind="order_status", title="T", **link)

        new = migrate(AFTER).get_model("notifications", "Notification")
        rows = new.objects.order_by("id").values_list("subject_type", "subject_id", "service_id")
        assert list(rows) == [
            ("order", order.pk, order.service_id),
            ("booking", booking.pk, booking.service_id),
            ("", None, order.service_id),
            ("", None, None),
        ]

        old = migrate(BEFORE).get_model("notifications", "Notification")
        rows = old.objects.order_by("id").values_list("order_id", "booking_id", "service_id")
        assert list(rows) == [
            (order.pk, None, order.service_id),
            (None, booking.pk, booking.service_id),
            (None, None, order.service_id),
            (None, None, None),
        ]
    finally:
        migrate(latest)
