"""The Django admin: bookings are searchable and filterable, read-only, and an
operator cancels them with a reason that lands in their history."""

import pytest

from bookings.models import Booking, BookingEvent
from notifications.models import Notification
from schedule.models import SlotUsage
from users.models import User

from .helpers import tomorrow_at

pytestmark = pytest.mark.django_db

LIST = "/admin/bookings/booking/"


@pytest.fixture
def site_admin(client):
    client.force_login(User.objects.create_superuser(email="root@campus.test", password="x"))
    return client


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("", True),
        ("?q=student", True),
        ("?q=Haircuts", True),
        ("?q=nothing-like-it", False),
        ("?booking_status__exact=confirmed", True),
        ("?booking_status__exact=cancelled", False),
    ],
)
def test_admin_lists_searches_and_filters_bookings(site_admin, book, query, shown):
    booking = book()

    response = site_admin.get(f"{LIST}{query}")

    assert response.status_code == 200
    assert (f"{LIST}{booking['id']}/change/" in response.content.decode()) is shown


def test_admin_booking_page_shows_the_history_read_only(site_admin, book):
    booking = book(notes="Fade please")

    response = site_admin.get(f"{LIST}{booking['id']}/change/")

    assert response.status_code == 200
    assert "Fade please" in response.content.decode()
    assert site_admin.post(f"{LIST}{booking['id']}/change/", {}).status_code == 403


def _cancel(site_admin, ids, **extra):
    return site_admin.post(
        LIST, {"action": "cancel_bookings", "_selected_action": ids, **extra}, follow=True
    )


def test_operator_cancels_with_a_reason_recorded_in_the_history(site_admin, book):
    booking = book()

    asked = _cancel(site_admin, [booking["id"]])
    assert "reason" in asked.content.decode()
    assert Booking.objects.get().booking_status == "confirmed"

    done = _cancel(site_admin, [booking["id"]], apply="1", reason="Shop flooded")

    assert done.status_code == 200
    assert Booking.objects.get().booking_status == "cancelled"
    event = BookingEvent.objects.latest("id")
    assert (event.kind, event.to_status, event.reason, event.actor.email) == (
        "status_changed",
        "cancelled",
        "Shop flooded",
        "root@campus.test",
    )
    assert event.data == {"by": "operator"}
    told = Notification.objects.about(Booking.objects.get(pk=booking["id"])).latest("id")
    assert (told.kind, told.recipient_id) == ("booking_status", booking["customer"])
    assert told.body.startswith("The campus services team cancelled your booking of")
    assert told.body.endswith("Reason: Shop flooded")
    assert SlotUsage.objects.get().taken == 0


def test_operator_cancel_skips_finished_bookings(site_admin, book, student_client):
    first = book(start=tomorrow_at("10:00"))
    second = book(start=tomorrow_at("11:00"))
    student_client.post(
        f"/api/bookings/{second['id']}/update_status/",
        {"booking_status": "cancelled"},
        format="json",
    )

    done = _cancel(site_admin, [first["id"], second["id"]], apply="1", reason="Closed")

    assert BookingEvent.objects.filter(reason="Closed").count() == 1
    page = done.content.decode()
    assert "Cancelled 1 booking." in page
    assert f"#{second['id']}: Only confirmed bookings can be cancelled" in page
