"""Booking slots through GET /api/services/{id}/slots/ and POST /api/bookings/:
slot length, notice, horizon, seats and daylight saving, at a fixed instant
(``schedule.clock``) in a zone that changes its clocks (Europe/Amsterdam)."""

from datetime import UTC, date, datetime, timedelta

import pytest

from conftest import client_for
from users.tests.factories import StudentFactory

from .factories import BookingServiceFactory, open_every_day
from .helpers import BOOKINGS_URL, status_url

pytestmark = pytest.mark.django_db

# Monday 2 March 2026, 09:00 in Amsterdam (UTC+1).
NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def amsterdam(settings, monkeypatch):
    settings.TIME_ZONE = "Europe/Amsterdam"
    clock = {"now": NOW}
    monkeypatch.setattr("schedule.clock.now", lambda: clock["now"])
    return clock


@pytest.fixture
def chair(vendor):
    service = BookingServiceFactory(
        vendor=vendor, slot_minutes=45, seats_per_slot=2, min_notice_minutes=90, max_days_ahead=3
    )
    open_every_day(service, "09:00", "12:00")
    return service


def slots(api, service, day):
    response = api.get(f"/api/services/{service.pk}/slots/", {"date": day})
    assert response.status_code == 200, response.json()
    return response.json()


def starts(rows):
    return [row["start"][11:16] for row in rows]


def test_slots_tile_by_slot_minutes_from_now_plus_the_notice(api, chair):
    today = slots(api, chair, "2026-03-02")

    # 09:00 and 09:45 start within 90 minutes of 09:00; the last slot ends by 12:00.
    assert starts(today) == ["10:30", "11:15"]
    assert today[0]["start"] == "2026-03-02T10:30:00+01:00"
    assert today[0]["end"] == "2026-03-02T11:15:00+01:00"
    assert (today[0]["capacity"], today[0]["remaining"]) == (2, 2)


def test_no_slots_beyond_max_days_ahead(api, chair):
    assert starts(slots(api, chair, "2026-03-04")) == ["09:00", "09:45", "10:30", "11:15"]
    # Three days ahead of 09:00 Monday is 09:00 Thursday: only the 09:00 slot starts by then.
    assert starts(slots(api, chair, "2026-03-05")) == ["09:00"]
    assert slots(api, chair, "2026-03-06") == []


def test_remaining_counts_confirmed_bookings_only(api, chair, student_client):
    start = "2026-03-03T09:00:00+01:00"
    booked = student_client.post(BOOKINGS_URL, {"service": chair.pk, "start": start})
    client_for(StudentFactory()).post(BOOKINGS_URL, {"service": chair.pk, "start": start})
    assert slots(api, chair, "2026-03-03")[0]["remaining"] == 0

    student_client.post(status_url(booked.json()["id"]), {"booking_status": "cancelled"})

    assert slots(api, chair, "2026-03-03")[0]["remaining"] == 1


def test_a_slot_inside_the_notice_cannot_be_booked_but_one_after_can(chair, student_client):
    early = student_client.post(
        BOOKINGS_URL, {"service": chair.pk, "start": "2026-03-02T09:45:00+01:00"}
    )
    ok = student_client.post(
        BOOKINGS_URL, {"service": chair.pk, "start": "2026-03-02T10:30:00+01:00"}
    )

    assert early.status_code == 400
    assert "start" in early.json()
    assert ok.status_code == 201


def test_the_customer_cancels_until_the_notice_and_the_vendor_completes_after_the_start(
    amsterdam, chair, student_client, vendor_client
):
    chair.cancel_notice_minutes = 60
    chair.save()
    booking = student_client.post(
        BOOKINGS_URL, {"service": chair.pk, "start": "2026-03-03T10:30:00+01:00"}
    ).json()
    other = student_client.post(
        BOOKINGS_URL, {"service": chair.pk, "start": "2026-03-03T09:00:00+01:00"}
    ).json()

    assert booking["cancellable_until"] == "2026-03-03T09:30:00+01:00"
    amsterdam["now"] = datetime(2026, 3, 3, 8, 31, tzinfo=UTC)  # 09:31, deadline 09:30
    late = student_client.post(status_url(booking["id"]), {"booking_status": "cancelled"})
    assert late.status_code == 400
    assert "until 2026-03-03T09:30:00+01:00" in late.json()["booking_status"][0]

    assert vendor_client.get(f"{BOOKINGS_URL}{other['id']}/").json()["allowed_transitions"] == [
        "completed",
        "no_show",
    ]
    done = vendor_client.post(status_url(other["id"]), {"booking_status": "completed"})
    assert done.status_code == 200
    assert done.json()["booking_status"] == "completed"


def test_at_the_deadline_itself_the_customer_may_still_cancel(amsterdam, chair, student_client):
    booking = student_client.post(
        BOOKINGS_URL, {"service": chair.pk, "start": "2026-03-03T11:15:00+01:00"}
    ).json()
    amsterdam["now"] = datetime(2026, 3, 3, 8, 15, tzinfo=UTC)  # 09:15 = 11:15 - 120 min

    response = student_client.post(status_url(booking["id"]), {"booking_status": "cancelled"})

    assert response.status_code == 200


@pytest.fixture
def night_owl(vendor, amsterdam):
    """Open 01:00-04:00 every night, hourly slots, on the weekends the clocks change."""
    service = BookingServiceFactory(
        vendor=vendor, slot_minutes=60, min_notice_minutes=0, max_days_ahead=14
    )
    open_every_day(service, "01:00", "04:00")
    return service


def test_a_local_time_that_does_not_exist_is_skipped(api, amsterdam, night_owl, student_client):
    # Clocks go forward on Sunday 29 March 2026 at 02:00 (02:00-03:00 does not exist).
    amsterdam["now"] = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)
    rows = slots(api, night_owl, "2026-03-29")

    assert [row["start"] for row in rows] == [
        "2026-03-29T01:00:00+01:00",
        "2026-03-29T03:00:00+02:00",
    ]
    for row in rows:
        start = datetime.fromisoformat(row["start"])
        assert datetime.fromisoformat(row["end"]) - start == timedelta(hours=1)
    # The instant written as "02:00+01:00" is 03:00+02:00: the same slot, not a new one.
    booked = student_client.post(
        BOOKINGS_URL, {"service": night_owl.pk, "start": "2026-03-29T02:00:00+01:00"}
    )
    assert booked.json()["start"] == "2026-03-29T03:00:00+02:00"


def test_a_local_time_that_occurs_twice_gives_two_bookable_slots(
    api, amsterdam, night_owl, student_client
):
    # Clocks go back on Sunday 25 October 2026 at 03:00 (02:00-03:00 happens twice).
    amsterdam["now"] = datetime(2026, 10, 20, 12, 0, tzinfo=UTC)
    rows = slots(api, night_owl, "2026-10-25")
    twice = [row["start"] for row in rows if row["start"][11:13] == "02"]

    assert twice == ["2026-10-25T02:00:00+02:00", "2026-10-25T02:00:00+01:00"]
    first = student_client.post(BOOKINGS_URL, {"service": night_owl.pk, "start": twice[0]})
    second = student_client.post(BOOKINGS_URL, {"service": night_owl.pk, "start": twice[1]})
    assert (first.status_code, second.status_code) == (201, 201)
    assert first.json()["end"] == "2026-10-25T02:00:00+01:00"
    day = date(2026, 10, 25).isoformat()
    listed = student_client.get(BOOKINGS_URL, {"date": day}).json()["results"]
    assert [b["start"] for b in listed] == [twice[0], twice[1]]
