"""Every change of an order writes one typed event in its own transaction, the
history the API shows is a view of those events, and each order says which
statuses its caller may move it to."""

import pytest

from common import domain_events
from orders.models import Order, OrderEvent
from orders.transitions import TRANSITIONS

from .helpers import order_url, status_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    """The events published while the test runs."""
    seen = []
    handler = domain_events.subscribe(OrderEvent)(seen.append)
    yield seen
    domain_events.unsubscribe(OrderEvent, handler)


def kinds(order_id):
    return list(OrderEvent.objects.filter(order_id=order_id).values_list("kind", flat=True))


def test_placing_writes_and_publishes_a_placed_event(student, place, published):
    order = place()

    event = OrderEvent.objects.get(order_id=order["id"])
    assert (event.kind, event.from_status, event.to_status, event.actor) == (
        "placed",
        "",
        "pending",
        student,
    )
    assert published == [event]


def test_status_change_is_an_event_with_its_step(vendor, vendor_client, place, published):
    order = place()

    vendor_client.post(status_url(order["id"]), {"order_status": "confirmed"})

    event = OrderEvent.objects.filter(order_id=order["id"]).last()
    assert (event.kind, event.from_status, event.to_status, event.actor) == (
        "status_changed",
        "pending",
        "confirmed",
        vendor,
    )
    assert published[-1] == event


def test_details_edit_is_recorded_and_shown_in_the_history(student, student_client, place):
    order = place(delivery_address="Hall A")

    response = student_client.patch(
        order_url(order["id"]), {"delivery_address": "Hall B"}, format="json"
    )

    assert response.status_code == 200
    assert kinds(order["id"]) == ["placed", "details_edited"]
    edit = OrderEvent.objects.get(kind="details_edited")
    assert edit.data == {
        "status": "pending",
        "changes": {"delivery_address": {"from": "Hall A", "to": "Hall B"}},
    }
    entry = response.json()["status_history"][-1]
    assert (entry["from_status"], entry["to_status"], entry["changed_by"]) == (
        "pending",
        "pending",
        student.pk,
    )


def test_an_edit_that_changes_nothing_leaves_no_event(student_client, place):
    order = place(delivery_address="Hall A")

    student_client.patch(order_url(order["id"]), {"delivery_address": "Hall A"}, format="json")

    assert kinds(order["id"]) == ["placed"]


def test_refused_change_leaves_no_event(vendor_client, place, published):
    order = place()
    published.clear()

    response = vendor_client.post(status_url(order["id"]), {"order_status": "completed"})

    assert response.status_code == 400
    assert kinds(order["id"]) == ["placed"]
    assert published == []


def test_a_failing_listener_rolls_the_change_back(vendor_client, place):
    order = place()

    def refuse(event):
        raise RuntimeError("listener down")

    domain_events.subscribe(OrderEvent)(refuse)
    try:
        with pytest.raises(RuntimeError):
            vendor_client.post(status_url(order["id"]), {"order_status": "confirmed"})
    finally:
        domain_events.unsubscribe(OrderEvent, refuse)

    assert Order.objects.get().order_status == "pending"
    assert kinds(order["id"]) == ["placed"]


@pytest.mark.parametrize(
    ("status", "vendor_may", "customer_may"),
    [
        ("pending", ["confirmed", "cancelled"], ["cancelled"]),
        ("confirmed", ["preparing", "cancelled"], []),
        ("preparing", ["ready"], []),
        ("ready", ["delivering", "completed"], []),
        ("delivering", ["completed"], []),
        ("completed", [], []),
        ("cancelled", [], []),
    ],
)
def test_allowed_transitions_per_caller(
    vendor_client, student_client, admin_client, place, status, vendor_may, customer_may
):
    order = place()
    Order.objects.filter(pk=order["id"]).update(order_status=status)

    def allowed(client):
        detail = client.get(order_url(order["id"])).json()["allowed_transitions"]
        listed = client.get("/api/orders/").json()["results"][0]["allowed_transitions"]
        assert detail == listed
        return detail

    assert allowed(vendor_client) == vendor_may
    assert allowed(student_client) == customer_may
    assert allowed(admin_client) == []


def test_allowed_transitions_follow_the_one_table(vendor_client, place):
    order = place()

    response = vendor_client.post(status_url(order["id"]), {"order_status": "confirmed"})

    assert response.json()["allowed_transitions"] == list(TRANSITIONS["vendor"]["confirmed"])
