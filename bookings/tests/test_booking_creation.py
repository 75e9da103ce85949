"""Making a booking through the API: every rule and refusal of the contract."""

from datetime import timedelta
from datetime import timezone as dt_timezone
from decimal import Decimal

import pytest

from bookings.models import Booking, BookingEvent
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory
from conftest import client_for
from schedule.models import SlotUsage
from users.tests.factories import StudentFactory

from .factories import BookingServiceFactory, open_every_day
from .helpers import BOOKINGS_URL, iso, local_at, status_url, tomorrow_at

pytestmark = pytest.mark.django_db


def test_student_books_a_slot_and_gets_the_whole_booking(book, student, barber):
    body = book(notes="Short on the sides")

    assert body["service"] == barber.pk
    assert body["service_name"] == "Haircuts"
    assert body["vendor_name"] == "Campus Cuts"
    assert body["customer"] == student.pk
    assert body["customer_name"] == student.get_full_name()
    assert body["booking_status"] == "confirmed"
    assert body["notes"] == "Short on the sides"
    assert body["service_item"] is None
    assert body["price"] is None
    start = tomorrow_at("10:00")
    assert body["start"] == iso(start)
    assert body["end"] == iso(start + timedelta(minutes=30))
    assert body["allowed_transitions"] == ["cancelled"]
    assert [(e["kind"], e["from_status"], e["to_status"], e["actor"]) for e in body["history"]] == [
        ("made", "", "confirmed", student.pk)
    ]
    assert body["created_at"]


def test_the_customer_is_the_caller_and_prices_in_the_body_are_ignored(
    book, student, haircut, barber
):
    someone_else = StudentFactory()

    body = book(service_item=haircut.pk, customer=someone_else.pk, price="0.01", end="2099-01-01")

    assert body["customer"] == student.pk
    assert body["service_item"] == haircut.pk
    assert body["price"] == "12.50"
    assert body["end"] == iso(tomorrow_at("10:30"))


def test_the_items_price_is_copied_and_later_changes_do_not_alter_it(book, haircut):
    body = book(service_item=haircut.pk)
    haircut.price = Decimal("20.00")
    haircut.save()

    assert Booking.objects.get(pk=body["id"]).price == Decimal("12.50")


def test_a_start_written_with_another_offset_is_the_same_slot(book):
    start = tomorrow_at("10:00").astimezone(dt_timezone(timedelta(hours=5)))

    body = book(start=start)

    assert body["start"] == iso(tomorrow_at("10:00"))


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"service_type": "ordering"}, "does not take bookings"),
        ({"is_available": False}, "not taking bookings right now"),
        ({"is_active": False}, "removed"),
    ],
)
def test_a_service_that_cannot_be_booked_is_refused_on_service(book, barber, change, message):
    for field, value in change.items():
        setattr(barber, field, value)
    barber.save()

    body = book(expect=400)

    assert message in body["service"][0]
    assert Booking.objects.count() == 0


def test_a_hidden_vendor_cannot_be_booked(book, barber):
    profile = barber.vendor.vendor_profile
    profile.is_active = False
    profile.save()

    assert "vendor" in book(expect=400)["service"][0]


def test_a_deactivated_vendor_cannot_be_booked(book, barber):
    barber.vendor.is_active = False
    barber.vendor.save()

    assert "service" in book(expect=400)


@pytest.mark.parametrize("service", ["999999", "1e400", '"abc"', "true", "-1", "1" + "0" * 30])
def test_an_unknown_service_is_refused_on_service(student_client, service):
    raw = f'{{"service": {service}, "start": "{iso(tomorrow_at("10:00"))}"}}'

    response = student_client.post(BOOKINGS_URL, raw, content_type="application/json")

    assert response.status_code == 400
    assert "service" in response.json()


@pytest.mark.parametrize(
    "start",
    [
        pytest.param(lambda: tomorrow_at("10:10"), id="not on the slot grid"),
        pytest.param(lambda: tomorrow_at("21:00"), id="outside the hours"),
        pytest.param(lambda: tomorrow_at("19:45"), id="slot would end after closing"),
        pytest.param(lambda: local_at(-1, "10:00"), id="in the past"),
        pytest.param(lambda: local_at(15, "10:00"), id="beyond max_days_ahead"),
    ],
)
def test_a_start_that_is_not_offered_is_refused_on_start(book, start):
    body = book(expect=400, start=start())

    assert "start" in body
    assert Booking.objects.count() == 0


def test_a_slot_inside_the_minimum_notice_is_not_offered(book, barber):
    barber.min_notice_minutes = 3 * 24 * 60
    barber.save()

    assert "start" in book(expect=400, start=local_at(2, "10:00"))
    book(start=local_at(4, "10:00"))


def test_a_closed_date_offers_nothing(book, barber):
    from schedule.models import Closure

    day = tomorrow_at("10:00").date()
    Closure.objects.create(service=barber, starts_on=day, ends_on=day, reason="Holiday")

    assert "start" in book(expect=400)


def test_a_service_without_hours_offers_no_slots(student_client, vendor):
    service = BookingServiceFactory(vendor=vendor)

    response = student_client.post(
        BOOKINGS_URL, {"service": service.pk, "start": iso(tomorrow_at("10:00"))}, format="json"
    )

    assert response.status_code == 400
    assert "start" in response.json()


@pytest.mark.parametrize("start", ["tomorrow", "", None, 12, "2026-13-01T10:00:00Z"])
def test_a_malformed_start_is_a_400(book, student_client, barber, start):
    response = student_client.post(
        BOOKINGS_URL, {"service": barber.pk, "start": start}, format="json"
    )

    assert response.status_code == 400
    assert "start" in response.json()


def test_a_full_slot_is_refused_and_nothing_is_written(book, barber):
    book()
    other = client_for(StudentFactory())

    body = book(client=other, expect=400)

    assert body == {"start": ["This slot is fully booked"]}
    assert Booking.objects.count() == 1
    assert SlotUsage.objects.get().taken == 1


def test_seats_per_slot_bookings_fit_in_one_slot(book, barber):
    barber.seats_per_slot = 3
    barber.save()
    clients = [client_for(StudentFactory()) for _ in range(4)]

    for client in clients[:3]:
        book(client=client)
    assert book(client=clients[3], expect=400) == {"start": ["This slot is fully booked"]}


def test_cancelling_frees_the_seat(book, student_client):
    first = book()
    student_client.post(status_url(first["id"]), {"booking_status": "cancelled"}, format="json")

    book(client=client_for(StudentFactory()))

    assert SlotUsage.objects.get().taken == 1


def test_one_student_cannot_hold_two_overlapping_bookings(book, barber):
    barber.seats_per_slot = 5
    barber.save()
    book()

    body = book(expect=400)

    assert "overlaps" in body["start"][0]
    assert Booking.objects.count() == 1
    assert SlotUsage.objects.get().taken == 1


def test_back_to_back_bookings_do_not_overlap(book):
    book(start=tomorrow_at("10:00"))
    book(start=tomorrow_at("10:30"))

    assert Booking.objects.count() == 2


def test_overlap_is_refused_even_across_changed_slot_lengths(book, barber):
    book(start=tomorrow_at("10:00"))  # 10:00-10:30
    barber.slot_minutes = 20
    barber.save()

    body = book(expect=400, start=tomorrow_at("10:20"))  # 10:20-10:40

    assert "overlaps" in body["start"][0]


def test_overlap_is_per_service(book, student_client, vendor):
    other = BookingServiceFactory(vendor=vendor)
    open_every_day(other)
    book()

    response = student_client.post(
        BOOKINGS_URL, {"service": other.pk, "start": iso(tomorrow_at("10:00"))}, format="json"
    )

    assert response.status_code == 201


def test_a_cancelled_booking_does_not_block_booking_again(book, student_client):
    first = book()
    student_client.post(status_url(first["id"]), {"booking_status": "cancelled"}, format="json")

    book()


@pytest.mark.parametrize(
    ("item", "message"),
    [
        (lambda barber: ServiceItemFactory(service=ServiceFactory()), "does not belong"),
        (lambda barber: ServiceItemFactory(service=barber, is_available=False), "not available"),
        (lambda barber: ServiceItemFactory(service=barber, is_active=False), "no longer offered"),
    ],
)
def test_an_item_that_cannot_be_booked_is_refused(book, barber, item, message):
    body = book(expect=400, service_item=item(barber).pk)

    assert message in body["service_item"][0]
    assert Booking.objects.count() == 0
    assert not SlotUsage.objects.filter(taken__gt=0).exists()


def test_an_unknown_item_is_refused(book):
    assert "service_item" in book(expect=400, service_item=2**70)
    assert "does not belong" in book(expect=400, service_item=987654)["service_item"][0]


def test_only_students_book(barber, vendor_client, admin_client, api):
    body = {"service": barber.pk, "start": iso(tomorrow_at("10:00"))}

    assert vendor_client.post(BOOKINGS_URL, body, format="json").status_code == 403
    assert admin_client.post(BOOKINGS_URL, body, format="json").status_code == 403
    assert api.post(BOOKINGS_URL, body, format="json").status_code == 401
    assert Booking.objects.count() == 0


def test_notes_are_limited(book):
    assert "notes" in book(expect=400, notes="x" * 2001)
    assert book(notes=None)["notes"] == ""


def test_making_a_booking_records_one_made_event(book, student):
    body = book()

    event = BookingEvent.objects.get()
    assert (event.booking_id, event.kind, event.actor, event.to_status) == (
        body["id"],
        "made",
        student,
        "confirmed",
    )
