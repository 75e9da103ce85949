"""Pickup times, the as-soon-as-possible rule and ready estimates, at a fixed
instant in a campus zone with daylight saving."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from conftest import client_for
from orders.models import Order
from schedule.models import Closure, SlotUsage, WeeklyPeriod
from users.tests.factories import StudentFactory

from .helpers import ORDERS_URL, status_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("amsterdam")]

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = date(2026, 6, 1)
NOON = datetime(2026, 6, 1, 12, 0, tzinfo=AMS)


@pytest.fixture
def amsterdam(settings, monkeypatch):
    settings.TIME_ZONE = "Europe/Amsterdam"
    monkeypatch.setattr("schedule.clock.now", lambda: NOON)


@pytest.fixture
def lunch(menu):
    """The menu's service open 11:00-14:00 on weekdays, 15-minute pickups, 3 per slot."""
    service = menu[0]
    for weekday in range(5):
        WeeklyPeriod.objects.create(
            service=service, weekday=weekday, opens=time(11), closes=time(14)
        )
    service.orders_per_slot = 3
    service.save()
    return service


def body(menu, **extra):
    service, burger, _fries = menu
    return {"service": service.pk, "items": [{"service_item": burger.pk, "quantity": 1}], **extra}


def at(hhmm, day=MONDAY):
    return datetime.combine(day, time.fromisoformat(hhmm)).replace(tzinfo=AMS).isoformat()


def slots(api, service, day=None):
    query = f"?date={day}" if day else ""
    return api.get(f"/api/services/{service.pk}/slots/{query}")


def test_slots_of_today_start_after_the_preparation_time(api, lunch):
    response = slots(api, lunch)
    assert response.status_code == 200
    listed = response.json()
    # Now 12:00, prep 15 minutes: the first slot starts at 12:15.
    assert [slot["start"] for slot in listed] == [
        at("12:15"),
        at("12:30"),
        at("12:45"),
        at("13:00"),
        at("13:15"),
        at("13:30"),
        at("13:45"),
    ]
    assert listed[0] == {"start": at("12:15"), "end": at("12:30"), "capacity": 3, "remaining": 3}


def test_slots_of_another_date_and_the_limits(api, lunch, vendor_client):
    assert len(slots(api, lunch, "2026-06-02").json()) == 12
    assert slots(api, lunch, "2026-06-06").json() == []  # Saturday
    assert slots(api, lunch, "2026-06-08").json()[0]["start"] == at("11:00", date(2026, 6, 8))
    assert slots(api, lunch, "2026-06-09").json() == []  # more than 7 days ahead
    assert slots(api, lunch, "2026-05-29").json() == []  # past
    for bad in ("tomorrow", "2026-13-01", "2026-06-01T10:00", "0001-01-01x"):
        response = slots(api, lunch, bad)
        assert response.status_code == 400 and "date" in response.json()
    assert slots(api, lunch, "0001-01-01").json() == []
    assert slots(api, lunch, "9999-12-31").json() == []


def test_no_hours_no_slots_and_unlimited_capacity_is_null(api, menu):
    service = menu[0]
    assert slots(api, service).json() == []
    WeeklyPeriod.objects.create(service=service, weekday=0, opens=time(13), closes=time(14))
    assert slots(api, service).json()[0] == {
        "start": at("13:00"),
        "end": at("13:15"),
        "capacity": None,
        "remaining": None,
    }


def test_a_closure_removes_the_slots_and_refuses_pickup_orders(api, lunch, student_client, menu):
    Closure.objects.create(service=lunch, starts_on=date(2026, 6, 2), ends_on=date(2026, 6, 2))
    assert slots(api, lunch, "2026-06-02").json() == []
    response = student_client.post(
        ORDERS_URL, body(menu, pickup_at=at("12:00", date(2026, 6, 2))), format="json"
    )
    assert response.status_code == 400 and "pickup_at" in response.json()


def test_an_order_for_a_pickup_time_takes_a_place_until_cancelled(api, lunch, student_client, menu):
    placed = student_client.post(ORDERS_URL, body(menu, pickup_at=at("12:30")), format="json")
    assert placed.status_code == 201
    order = placed.json()
    assert order["pickup_at"] == at("12:30")
    assert order["estimated_ready_at"] == at("12:30")
    assert slots(api, lunch).json()[1]["remaining"] == 2

    cancelled = student_client.post(status_url(order["id"]), {"order_status": "cancelled"})
    assert cancelled.status_code == 200
    assert slots(api, lunch).json()[1]["remaining"] == 3


def test_a_full_slot_is_listed_with_none_remaining_and_refused(api, lunch, menu):
    for _ in range(3):
        client = client_for(StudentFactory())
        response = client.post(ORDERS_URL, body(menu, pickup_at=at("13:00")), format="json")
        assert response.status_code == 201
    assert slots(api, lunch).json()[3] == {
        "start": at("13:00"),
        "end": at("13:15"),
        "capacity": 3,
        "remaining": 0,
    }
    refused = client_for(StudentFactory()).post(
        ORDERS_URL, body(menu, pickup_at=at("13:00")), format="json"
    )
    assert refused.status_code == 400
    assert "full" in refused.json()["pickup_at"][0]
    assert Order.objects.count() == 3


@pytest.mark.parametrize(
    "pickup_at, says",
    [
        (at("12:37"), "not one of"),  # not a slot start
        (at("12:00"), "no longer offered"),  # less than prep_minutes from now
        (at("11:00"), "no longer offered"),  # past
        (at("15:00"), "not one of"),  # after closing
        (at("12:00", date(2026, 6, 9)), "not one of"),  # beyond 7 days
        ("2026-06-01T12:30:00", None),  # naive: read as campus time, accepted
    ],
)
def test_pickup_times_that_are_not_offered(student_client, lunch, menu, pickup_at, says):
    response = student_client.post(ORDERS_URL, body(menu, pickup_at=pickup_at), format="json")
    if says is None:
        assert response.status_code == 201
        assert response.json()["pickup_at"] == at("12:30")
        return
    assert response.status_code == 400
    assert says in response.json()["pickup_at"][0]
    assert not Order.objects.exists() and not SlotUsage.objects.filter(taken__gt=0).exists()


def test_the_same_slot_written_in_utc_is_accepted(student_client, lunch, menu):
    response = student_client.post(
        ORDERS_URL, body(menu, pickup_at="2026-06-01T10:30:00Z"), format="json"
    )
    assert response.status_code == 201 and response.json()["pickup_at"] == at("12:30")


@pytest.mark.parametrize("value", ["soon", "2026-99-01T00:00:00Z", 12, "0001-01-01T00:00:00+05:00"])
def test_malformed_pickup_at_is_400(student_client, lunch, menu, value):
    response = student_client.post(ORDERS_URL, body(menu, pickup_at=value), format="json")
    assert response.status_code == 400 and "pickup_at" in response.json()


def test_asap_order_outside_hours_says_why_and_when(student_client, lunch, menu, monkeypatch):
    monkeypatch.setattr("schedule.clock.now", lambda: NOON.replace(hour=15))
    response = student_client.post(ORDERS_URL, body(menu), format="json")
    assert response.status_code == 400
    message = response.json()["service"][0]
    assert "outside its opening hours" in message
    assert "2026-06-02T11:00+02:00" in message
    # A pickup time tomorrow is still fine.
    scheduled = student_client.post(
        ORDERS_URL, body(menu, pickup_at=at("11:00", date(2026, 6, 2))), format="json"
    )
    assert scheduled.status_code == 201


def test_asap_order_during_a_closure_names_its_reason(student_client, lunch, menu):
    Closure.objects.create(service=lunch, starts_on=MONDAY, ends_on=MONDAY, reason="Inventory")
    response = student_client.post(ORDERS_URL, body(menu), format="json")
    message = response.json()["service"][0]
    assert response.status_code == 400
    assert "Inventory" in message and "2026-06-02T11:00+02:00" in message


def test_a_pause_blocks_asap_orders_only_and_keeps_placed_ones(
    student_client, vendor_client, lunch, menu
):
    placed = student_client.post(ORDERS_URL, body(menu), format="json").json()
    vendor_client.post(
        f"/api/services/{lunch.pk}/pause/", {"minutes": 30, "reason": "Rush"}, format="json"
    )
    response = student_client.post(ORDERS_URL, body(menu), format="json")
    assert response.status_code == 400
    message = response.json()["service"][0]
    assert "paused" in message and "Rush" in message and "12:30+02:00" in message
    scheduled = student_client.post(ORDERS_URL, body(menu, pickup_at=at("12:30")), format="json")
    assert scheduled.status_code == 201
    assert Order.objects.get(pk=placed["id"]).order_status == "pending"


def test_service_without_hours_takes_asap_orders_any_time(student_client, menu, monkeypatch):
    monkeypatch.setattr("schedule.clock.now", lambda: NOON.replace(hour=3))
    assert student_client.post(ORDERS_URL, body(menu), format="json").status_code == 201


def test_asap_estimate_counts_the_queue_in_rounds_of_orders_in_parallel(
    student_client, vendor_client, lunch, menu
):
    # prep 15, 2 in parallel: 0 or 1 ahead -> 15 min, 2 or 3 ahead -> 30 min, 4 -> 45 min.
    estimates = [
        student_client.post(ORDERS_URL, body(menu), format="json").json()["estimated_ready_at"]
        for _ in range(5)
    ]
    assert estimates == [at("12:15"), at("12:15"), at("12:30"), at("12:30"), at("12:45")]
    # Scheduled orders and finished or cancelled ones are not in the queue.
    student_client.post(ORDERS_URL, body(menu, pickup_at=at("13:00")), format="json")
    for early in Order.objects.order_by("id")[:2]:
        student_client.post(status_url(early.pk), {"order_status": "cancelled"})
    # 3 as-soon-as-possible orders ahead: the second round.
    sixth = student_client.post(ORDERS_URL, body(menu), format="json").json()
    assert sixth["estimated_ready_at"] == at("12:30")
    assert sixth["pickup_at"] is None


def test_vendor_gives_ready_in_minutes_when_confirming_or_preparing(
    student_client, vendor_client, lunch, menu
):
    order = student_client.post(ORDERS_URL, body(menu), format="json").json()
    url = status_url(order["id"])
    confirmed = vendor_client.post(url, {"order_status": "confirmed", "ready_in_minutes": 25})
    assert confirmed.status_code == 200
    assert confirmed.json()["estimated_ready_at"] == at("12:25")
    preparing = vendor_client.post(url, {"order_status": "preparing", "ready_in_minutes": 5})
    assert preparing.json()["estimated_ready_at"] == at("12:05")
    refused = vendor_client.post(url, {"order_status": "ready", "ready_in_minutes": 5})
    assert refused.status_code == 400 and "ready_in_minutes" in refused.json()
    assert Order.objects.get().order_status == "preparing"


@pytest.mark.parametrize("minutes", [0, 241, "soon"])
def test_ready_in_minutes_out_of_range_is_400(student_client, vendor_client, lunch, menu, minutes):
    order = student_client.post(ORDERS_URL, body(menu), format="json").json()
    response = vendor_client.post(
        status_url(order["id"]), {"order_status": "confirmed", "ready_in_minutes": minutes}
    )
    assert response.status_code == 400 and "ready_in_minutes" in response.json()
    assert Order.objects.get().order_status == "pending"


def test_an_idempotent_retry_does_not_take_a_second_place(student_client, lunch, menu):
    headers = {"HTTP_IDEMPOTENCY_KEY": "pickup-retry"}
    first = student_client.post(
        ORDERS_URL, body(menu, pickup_at=at("12:45")), format="json", **headers
    )
    again = student_client.post(
        ORDERS_URL, body(menu, pickup_at="2026-06-01T10:45:00Z"), format="json", **headers
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"]
    assert SlotUsage.objects.get().taken == 1
    other_time = student_client.post(
        ORDERS_URL, body(menu, pickup_at=at("13:00")), format="json", **headers
    )
    assert other_time.status_code == 422


def test_repeated_hour_gives_two_pickup_times(api, menu, monkeypatch):
    service = menu[0]
    sunday = date(2026, 10, 25)
    WeeklyPeriod.objects.create(service=service, weekday=6, opens=time(1, 30), closes=time(3, 0))
    monkeypatch.setattr("schedule.clock.now", lambda: datetime(2026, 10, 24, 12, tzinfo=AMS))
    starts = [slot["start"] for slot in slots(api, service, sunday).json()]
    assert starts == [
        "2026-10-25T01:30:00+02:00",
        "2026-10-25T01:45:00+02:00",
        "2026-10-25T02:00:00+02:00",
        "2026-10-25T02:15:00+02:00",
        "2026-10-25T02:30:00+02:00",
        "2026-10-25T02:45:00+02:00",
        "2026-10-25T02:00:00+01:00",
        "2026-10-25T02:15:00+01:00",
        "2026-10-25T02:30:00+01:00",
        "2026-10-25T02:45:00+01:00",
    ]


def test_both_instants_of_a_repeated_hour_can_be_ordered(student_client, menu, monkeypatch):
    service = menu[0]
    service.orders_per_slot = 1
    service.save()
    WeeklyPeriod.objects.create(service=service, weekday=6, opens=time(2), closes=time(2, 30))
    monkeypatch.setattr("schedule.clock.now", lambda: datetime(2026, 10, 24, 12, tzinfo=AMS))
    for start in ("2026-10-25T02:00:00+02:00", "2026-10-25T02:00:00+01:00"):
        response = student_client.post(ORDERS_URL, body(menu, pickup_at=start), format="json")
        assert response.status_code == 201, response.json()
        assert response.json()["pickup_at"] == start
    assert SlotUsage.objects.count() == 2


def test_missing_hour_gives_no_pickup_time(student_client, api, menu, monkeypatch):
    service = menu[0]
    WeeklyPeriod.objects.create(service=service, weekday=6, opens=time(1, 30), closes=time(3, 30))
    monkeypatch.setattr("schedule.clock.now", lambda: datetime(2026, 3, 28, 12, tzinfo=AMS))
    starts = [slot["start"] for slot in slots(api, service, date(2026, 3, 29)).json()]
    assert starts == [
        "2026-03-29T01:30:00+01:00",
        "2026-03-29T01:45:00+01:00",
        "2026-03-29T03:00:00+02:00",
        "2026-03-29T03:15:00+02:00",
    ]
    # 02:30 does not exist that night; read as campus time it is no slot.
    response = student_client.post(
        ORDERS_URL, body(menu, pickup_at="2026-03-29T02:30:00"), format="json"
    )
    assert response.status_code == 400


@pytest.mark.parametrize("pickup_at", ["2026-06-01T10:30:00Z", "2026-06-01T12:30:00+02:00", None])
def test_the_placement_answer_shows_the_times_as_stored(student_client, lunch, menu, pickup_at):
    """The 201 is serialized from the rows just written; written in another
    offset or not at all, its times read as a later GET of the order shows them."""
    extra = {"pickup_at": pickup_at} if pickup_at else {}
    created = student_client.post(ORDERS_URL, body(menu, **extra), format="json")

    assert created.status_code == 201
    assert created.json() == student_client.get(f"{ORDERS_URL}{created.json()['id']}/").json()
    assert created.json()["estimated_ready_at"]
