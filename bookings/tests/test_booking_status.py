"""Moving a booking: who may do what, and when."""

from datetime import timedelta

import pytest
from django.utils import timezone

from bookings.models import BookingEvent
from common import domain_events
from conftest import client_for
from schedule.models import SlotUsage
from users.tests.factories import StudentFactory, VendorFactory

from .factories import BookingFactory
from .helpers import booking_url, iso, local_at, status_url

pytestmark = pytest.mark.django_db


def move(client, booking_id, to_status, reason=None):
    body = {"booking_status": to_status}
    if reason is not None:
        body["reason"] = reason
    return client.post(status_url(booking_id), body, format="json")


@pytest.fixture
def started(barber, student):
    """A confirmed booking whose start passed ten minutes ago (stored directly:
    the API books only future slots)."""
    return BookingFactory(
        service=barber,
        customer=student,
        start=timezone.now().replace(microsecond=0) - timedelta(minutes=10),
    )


def test_customer_cancels_in_time_and_the_history_says_who_and_why(book, student, student_client):
    booking = book()

    response = move(student_client, booking["id"], "cancelled", reason="Exam moved")

    assert response.status_code == 200
    body = response.json()
    assert body["booking_status"] == "cancelled"
    assert body["allowed_transitions"] == []
    last = body["history"][-1]
    assert (last["kind"], last["from_status"], last["to_status"]) == (
        "status_changed",
        "confirmed",
        "cancelled",
    )
    assert (last["actor"], last["reason"]) == (student.pk, "Exam moved")
    assert last["created_at"]


def test_customer_cannot_cancel_within_the_notice_and_is_told_until_when(
    book, barber, student_client
):
    barber.min_notice_minutes = 0
    barber.cancel_notice_minutes = 3 * 24 * 60
    barber.save()
    start = local_at(1, "10:00")
    booking = book(start=start)
    assert booking["allowed_transitions"] == []

    response = move(student_client, booking["id"], "cancelled")

    assert response.status_code == 400
    message = response.json()["booking_status"][0]
    assert f"until {iso(start - timedelta(days=3))}" in message
    assert booking_url(booking["id"])
    assert SlotUsage.objects.get().taken == 1


def test_vendor_cancels_before_the_start_only_with_a_reason(book, vendor_client, vendor):
    booking = book()

    refused = move(vendor_client, booking["id"], "cancelled")
    blank = move(vendor_client, booking["id"], "cancelled", reason="   ")
    accepted = move(vendor_client, booking["id"], "cancelled", reason="Barber is ill")

    assert refused.status_code == 400
    assert "reason" in refused.json()
    assert blank.status_code == 400
    assert accepted.status_code == 200
    last = accepted.json()["history"][-1]
    assert (last["actor"], last["reason"], last["actor_name"]) == (
        vendor.pk,
        "Barber is ill",
        "Campus Cuts",
    )
    assert SlotUsage.objects.get().taken == 0


def test_vendor_cannot_cancel_once_the_booking_has_started(started, vendor_client):
    response = move(vendor_client, started.pk, "cancelled", reason="Too late")

    assert response.status_code == 400
    assert "only before the start" in response.json()["booking_status"][0]


@pytest.mark.parametrize("outcome", ["completed", "no_show"])
def test_vendor_marks_completed_or_no_show_only_after_the_start(
    book, started, vendor_client, outcome
):
    future = book()

    early = move(vendor_client, future["id"], outcome)
    late = move(vendor_client, started.pk, outcome)

    assert early.status_code == 400
    assert "once it has started" in early.json()["booking_status"][0]
    assert late.status_code == 200
    assert late.json()["booking_status"] == outcome


def test_allowed_transitions_follow_the_role_and_the_clock(
    book, started, student_client, vendor_client, admin_client
):
    future = book()

    def allowed(client, booking_id):
        return client.get(booking_url(booking_id)).json()["allowed_transitions"]

    assert allowed(student_client, future["id"]) == ["cancelled"]
    assert allowed(vendor_client, future["id"]) == ["cancelled"]
    assert allowed(admin_client, future["id"]) == []
    assert allowed(student_client, started.pk) == []
    assert allowed(vendor_client, started.pk) == ["completed", "no_show"]


def test_customer_cannot_complete_their_own_booking(started, student_client):
    response = move(student_client, started.pk, "completed")

    assert response.status_code == 400
    assert "'confirmed' to 'completed'" in response.json()["booking_status"][0]


@pytest.mark.parametrize("final", ["cancelled", "completed", "no_show"])
def test_a_finished_booking_is_final(barber, student, vendor_client, final):
    booking = BookingFactory(
        service=barber, customer=student, booking_status=final, start=local_at(1, "10:00")
    )

    response = move(vendor_client, booking.pk, "confirmed")

    assert response.status_code == 400
    assert f"from '{final}' to 'confirmed'" in response.json()["booking_status"][0]


def test_admin_sees_but_cannot_move_a_booking(book, admin_client):
    booking = book()

    assert move(admin_client, booking["id"], "cancelled", reason="x").status_code == 403


def test_strangers_get_404_and_anonymous_401(book, api):
    booking = book()

    for stranger in (StudentFactory(), VendorFactory()):
        client = client_for(stranger)
        assert move(client, booking["id"], "cancelled", reason="x").status_code == 404
        assert client.get(booking_url(booking["id"])).status_code == 404
    assert move(api, booking["id"], "cancelled").status_code == 401
    assert api.get(booking_url(booking["id"])).status_code == 401


def test_an_unknown_status_or_id_is_refused(book, student_client):
    booking = book()

    assert move(student_client, booking["id"], "teleported").status_code == 400
    assert move(student_client, 999999, "cancelled").status_code == 404
    assert student_client.post("/api/bookings/abc/update_status/", {}).status_code == 404
    assert move(student_client, booking["id"], "cancelled", reason="x" * 501).status_code == 400


def test_each_change_writes_one_event_and_publishes_it(book, student_client):
    seen = []
    handler = domain_events.subscribe(BookingEvent)(seen.append)
    try:
        booking = book()
        move(student_client, booking["id"], "cancelled")
    finally:
        domain_events.unsubscribe(BookingEvent, handler)

    assert [(e.kind, e.to_status) for e in seen] == [
        ("made", "confirmed"),
        ("status_changed", "cancelled"),
    ]
    assert list(BookingEvent.objects.values_list("pk", flat=True)) == [e.pk for e in seen]
    assert seen[1].data == {"by": "customer"}


def test_a_listener_failure_rolls_the_change_back(book, student_client):
    booking = book()

    def broken(event):
        raise RuntimeError("listener down")

    domain_events.subscribe(BookingEvent)(broken)
    try:
        with pytest.raises(RuntimeError):
            move(student_client, booking["id"], "cancelled")
    finally:
        domain_events.unsubscribe(BookingEvent, broken)

    assert student_client.get(booking_url(booking["id"])).json()["booking_status"] == "confirmed"
    assert SlotUsage.objects.get().taken == 1
