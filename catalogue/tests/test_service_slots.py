"""The slots endpoint follows each service type's own settings."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest

from catalogue.tests.factories import ServiceFactory
from schedule.models import WeeklyPeriod

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
NOON = datetime(2026, 6, 1, 12, 0, tzinfo=AMS)  # a Monday


@pytest.fixture(autouse=True)
def amsterdam(settings, monkeypatch):
    settings.TIME_ZONE = "Europe/Amsterdam"
    monkeypatch.setattr("schedule.clock.now", lambda: NOON)


def open_every_day(service, opens=time(9), closes=time(17)):
    for weekday in range(7):
        WeeklyPeriod.objects.create(service=service, weekday=weekday, opens=opens, closes=closes)


def starts(api, service, day):
    response = api.get(f"/api/services/{service.pk}/slots/?date={day}")
    assert response.status_code == 200
    return response.json()


def test_booking_slots_use_slot_minutes_seats_notice_and_days_ahead(api):
    service = ServiceFactory(
        service_type="booking",
        slot_minutes=60,
        seats_per_slot=2,
        min_notice_minutes=120,
        max_days_ahead=2,
    )
    open_every_day(service)
    today = starts(api, service, "2026-06-01")
    # Now 12:00 plus 2 hours' notice: 14:00, 15:00, 16:00.
    assert [slot["start"][11:16] for slot in today] == ["14:00", "15:00", "16:00"]
    assert today[0]["capacity"] == 2 and today[0]["remaining"] == 2
    assert len(starts(api, service, "2026-06-03")) == 4  # until 12:00, two days ahead
    assert starts(api, service, "2026-06-04") == []


def test_services_that_take_neither_orders_nor_bookings_have_no_slots(api):
    service = ServiceFactory(service_type="walk_in")
    open_every_day(service)
    assert starts(api, service, "2026-06-02") == []


def test_an_unavailable_service_offers_no_slots(api):
    service = ServiceFactory(is_available=False)
    open_every_day(service)
    assert starts(api, service, "2026-06-02") == []


def test_date_defaults_to_the_campus_date(api, monkeypatch):
    service = ServiceFactory()
    WeeklyPeriod.objects.create(service=service, weekday=1, opens=time(0), closes=time(1))
    # Monday 23:50 in Amsterdam (21:50 UTC): today is Monday, which has no hours.
    monkeypatch.setattr("schedule.clock.now", lambda: datetime(2026, 6, 1, 23, 50, tzinfo=AMS))
    assert api.get(f"/api/services/{service.pk}/slots/").json() == []
    # Tuesday 00:05: today is Tuesday; with 15 minutes' preparation 00:30 comes first.
    monkeypatch.setattr("schedule.clock.now", lambda: datetime(2026, 6, 2, 0, 5, tzinfo=AMS))
    listed = api.get(f"/api/services/{service.pk}/slots/").json()
    assert [slot["start"] for slot in listed] == [
        "2026-06-02T00:30:00+02:00",
        "2026-06-02T00:45:00+02:00",
    ]
