"""Migration orders/0003 turns the old status history into events and back,
keeping who acted and when."""

from datetime import timedelta

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from orders.models import OrderEvent

from .factories import OrderFactory

BEFORE = [("orders", "0002_initial")]
AFTER = [("orders", "0003_events")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_status_changes_become_events_and_back():
    order = OrderFactory(order_status="confirmed")
    placed_at = timezone.now() - timedelta(days=2)
    steps = [
        ("placed", "", "pending", order.customer, placed_at),
        ("status_changed", "pending", "confirmed", order.service.vendor, placed_at + timedelta(1)),
    ]
    for kind, before, after, actor, when in steps:
        OrderEvent.objects.create(
            order=order,
            kind=kind,
            from_status=before,
            to_status=after,
            actor=actor,
            created_at=when,
        )
    OrderEvent.objects.create(order=order, kind="details_edited", actor=order.customer)
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old_apps = migrate(BEFORE)
        history = old_apps.get_model("orders", "OrderStatusChange").objects.order_by("id")
        assert [(c.from_status, c.to_status, c.changed_by_id, c.created_at) for c in history] == [
            (before, after, actor.pk, when) for _, before, after, actor, when in steps
        ]

        new_apps = migrate(AFTER)
        events = new_apps.get_model("orders", "OrderEvent").objects.order_by("id")
        assert [(e.kind, e.from_status, e.to_status, e.actor_id, e.created_at) for e in events] == [
            (kind, before, after, actor.pk, when) for kind, before, after, actor, when in steps
        ]
    finally:
        migrate(latest)
