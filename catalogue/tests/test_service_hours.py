"""Opening hours, closures and pauses through the API, in a campus zone with
daylight saving, at a fixed instant (``schedule.clock``)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from catalogue.tests.factories import ServiceFactory
from conftest import client_for
from schedule.models import Closure, WeeklyPeriod
from users.tests.factories import VendorFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("amsterdam")]

AMS = ZoneInfo("Europe/Amsterdam")
# Monday 1 June 2026, 12:00 in Amsterdam (+02:00).
NOON = datetime(2026, 6, 1, 12, 0, tzinfo=AMS)
LUNCH = [{"weekday": d, "opens": "11:00", "closes": "14:00"} for d in range(5)]


@pytest.fixture
def amsterdam(settings, monkeypatch):
    settings.TIME_ZONE = "Europe/Amsterdam"
    monkeypatch.setattr("schedule.clock.now", lambda: NOON)


@pytest.fixture
def service(vendor):
    return ServiceFactory(vendor=vendor)


def url(service, tail="hours/"):
    return f"/api/services/{service.pk}/{tail}"


def put_hours(client, service, weekly):
    return client.put(url(service), {"weekly": weekly}, format="json")


def test_hours_of_a_service_without_weekly_hours(api, service):
    response = api.get(url(service))
    assert response.status_code == 200
    assert response.json() == {
        "time_zone": "Europe/Amsterdam",
        "weekly": [],
        "closures": [],
        "paused_until": None,
        "pause_reason": "",
        "open_now": True,
        "next_opening": None,
    }


def test_vendor_replaces_weekly_hours_and_everyone_reads_them(vendor_client, api, service):
    response = put_hours(vendor_client, service, LUNCH)
    assert response.status_code == 200
    assert response.json()["weekly"][0] == {"weekday": 0, "opens": "11:00", "closes": "14:00"}
    assert response.json()["open_now"] is True

    response = put_hours(
        vendor_client, service, [{"weekday": 0, "opens": "18:00", "closes": "02:00"}]
    )
    body = api.get(url(service)).json()
    assert body["weekly"] == [{"weekday": 0, "opens": "18:00", "closes": "02:00"}]
    assert body["open_now"] is False
    assert body["next_opening"] == "2026-06-01T18:00:00+02:00"

    assert put_hours(vendor_client, service, []).json()["weekly"] == []
    assert WeeklyPeriod.objects.count() == 0


@pytest.mark.parametrize(
    "weekly, message",
    [
        ([{"weekday": 0, "opens": "11:00", "closes": "11:00"}], "same time"),
        (
            [
                {"weekday": 0, "opens": "11:00", "closes": "14:00"},
                {"weekday": 0, "opens": "13:00", "closes": "15:00"},
            ],
            "overlap",
        ),
        (
            [
                {"weekday": 6, "opens": "22:00", "closes": "03:00"},
                {"weekday": 0, "opens": "02:00", "closes": "05:00"},
            ],
            "overlap",
        ),
        ([{"weekday": d % 7, "opens": "00:00", "closes": "00:30"} for d in range(29)], "28"),
    ],
)
def test_refused_weekly_hours_say_why_and_change_nothing(vendor_client, service, weekly, message):
    put_hours(vendor_client, service, LUNCH)
    response = put_hours(vendor_client, service, weekly)
    assert response.status_code == 400
    assert message in str(response.json()["weekly"])
    assert WeeklyPeriod.objects.count() == 5


def test_touching_periods_are_accepted(vendor_client, service):
    weekly = [
        {"weekday": 0, "opens": "08:00", "closes": "12:00"},
        {"weekday": 0, "opens": "12:00", "closes": "14:00"},
        {"weekday": 0, "opens": "22:00", "closes": "02:00"},
        {"weekday": 1, "opens": "02:00", "closes": "04:00"},
    ]
    assert put_hours(vendor_client, service, weekly).status_code == 200


@pytest.mark.parametrize(
    "entry",
    [
        {"weekday": 7, "opens": "11:00", "closes": "12:00"},
        {"weekday": -1, "opens": "11:00", "closes": "12:00"},
        {"weekday": 0, "opens": "25:00", "closes": "12:00"},
        {"weekday": 0, "opens": "11:00:30", "closes": "12:00"},
        {"weekday": 0, "opens": "noon", "closes": "12:00"},
        {"weekday": 0, "opens": "11:00"},
    ],
)
def test_malformed_periods_are_400(vendor_client, service, entry):
    assert put_hours(vendor_client, service, [entry]).status_code == 400


def test_only_the_owner_changes_the_calendar(service, api, student_client, admin_client):
    other_vendor = client_for(VendorFactory())
    writes = [
        ("put", url(service), {"weekly": LUNCH}),
        ("post", url(service, "closures/"), {"starts_on": "2026-06-02", "ends_on": "2026-06-02"}),
        ("post", url(service, "pause/"), {"minutes": 30}),
        ("delete", url(service, "pause/"), None),
    ]
    for method, path, body in writes:
        assert getattr(api, method)(path, body, format="json").status_code == 401
        for client in (other_vendor, student_client, admin_client):
            assert getattr(client, method)(path, body, format="json").status_code == 403
    assert not WeeklyPeriod.objects.exists() and not Closure.objects.exists()


def test_unknown_service_is_404(api):
    assert api.get("/api/services/999999/hours/").status_code == 404
    assert api.get("/api/services/abc/hours/").status_code == 404


def test_closure_closes_and_says_why_and_when_it_reopens(vendor_client, api, service):
    put_hours(vendor_client, service, LUNCH)
    response = vendor_client.post(
        url(service, "closures/"),
        {"starts_on": "2026-06-01", "ends_on": "2026-06-02", "reason": "Staff training"},
        format="json",
    )
    assert response.status_code == 201
    closure = response.json()
    assert closure == {
        "id": closure["id"],
        "starts_on": "2026-06-01",
        "ends_on": "2026-06-02",
        "reason": "Staff training",
    }
    hours = api.get(url(service)).json()
    assert hours["closures"] == [closure]
    assert (hours["open_now"], hours["next_opening"]) == (False, "2026-06-03T11:00:00+02:00")
    detail = api.get(f"/api/services/{service.pk}/").json()
    assert (detail["open_now"], detail["next_opening"]) == (False, "2026-06-03T11:00:00+02:00")

    deleted = vendor_client.delete(url(service, f"closures/{closure['id']}/"))
    assert deleted.status_code == 204
    assert api.get(url(service)).json()["open_now"] is True
    assert vendor_client.delete(url(service, f"closures/{closure['id']}/")).status_code == 404


@pytest.mark.parametrize(
    "body, field",
    [
        ({"starts_on": "2026-06-05", "ends_on": "2026-06-04"}, "ends_on"),
        ({"starts_on": "2026-05-01", "ends_on": "2026-05-31"}, "ends_on"),
        ({"starts_on": "2026-06-01", "ends_on": "2027-06-02"}, "ends_on"),
        ({"starts_on": "2026-06-01"}, "ends_on"),
        ({"starts_on": "June", "ends_on": "2026-06-02"}, "starts_on"),
        ({"starts_on": "2026-06-01", "ends_on": "2026-06-01", "reason": "x" * 201}, "reason"),
    ],
)
def test_refused_closures(vendor_client, service, body, field):
    response = vendor_client.post(url(service, "closures/"), body, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Closure.objects.exists()


def test_closure_started_in_the_past_but_not_over_is_accepted(vendor_client, service):
    body = {"starts_on": "2026-05-20", "ends_on": "2026-06-01"}
    assert vendor_client.post(url(service, "closures/"), body, format="json").status_code == 201


def test_a_closure_of_another_service_is_404(vendor_client, service, vendor):
    other = ServiceFactory(vendor=vendor)
    closure = Closure.objects.create(service=other, starts_on=NOON.date(), ends_on=NOON.date())
    assert vendor_client.delete(url(service, f"closures/{closure.pk}/")).status_code == 404
    assert Closure.objects.exists()


def test_pause_and_resume(vendor_client, api, service):
    put_hours(vendor_client, service, LUNCH)
    response = vendor_client.post(
        url(service, "pause/"), {"minutes": 20, "reason": "Lunch rush"}, format="json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["paused_until"] == "2026-06-01T12:20:00+02:00"
    assert body["pause_reason"] == "Lunch rush"
    assert (body["open_now"], body["next_opening"]) == (False, "2026-06-01T12:20:00+02:00")
    listed = api.get("/api/services/").json()["results"][0]
    assert listed["paused_until"] == "2026-06-01T12:20:00+02:00"
    assert listed["open_now"] is False

    assert vendor_client.delete(url(service, "pause/")).status_code == 204
    assert api.get(url(service)).json()["open_now"] is True


def test_a_pause_ends_by_itself(vendor_client, api, service, monkeypatch):
    vendor_client.post(url(service, "pause/"), {"minutes": 5}, format="json")
    monkeypatch.setattr("schedule.clock.now", lambda: NOON + timedelta(minutes=5))
    body = api.get(url(service)).json()
    assert (body["open_now"], body["paused_until"]) == (True, None)


@pytest.mark.parametrize("body", [{"minutes": 4}, {"minutes": 721}, {}, {"minutes": "soon"}])
def test_refused_pauses(vendor_client, service, body):
    response = vendor_client.post(url(service, "pause/"), body, format="json")
    assert response.status_code == 400 and "minutes" in response.json()
    service.refresh_from_db()
    assert service.paused_until is None


def test_unavailable_service_is_not_open_and_has_no_next_opening(vendor_client, api, service):
    service.is_available = False
    service.save()
    body = api.get(url(service)).json()
    assert (body["open_now"], body["next_opening"]) == (False, None)


def test_service_settings_are_owner_writable_with_ranges(vendor_client, service):
    detail = vendor_client.get(f"/api/services/{service.pk}/").json()
    assert {
        key: detail[key]
        for key in (
            "prep_minutes",
            "orders_in_parallel",
            "pickup_slot_minutes",
            "orders_per_slot",
            "slot_minutes",
            "seats_per_slot",
            "min_notice_minutes",
            "max_days_ahead",
            "cancel_notice_minutes",
        )
    } == {
        "prep_minutes": 15,
        "orders_in_parallel": 2,
        "pickup_slot_minutes": 15,
        "orders_per_slot": None,
        "slot_minutes": 30,
        "seats_per_slot": 1,
        "min_notice_minutes": 60,
        "max_days_ahead": 14,
        "cancel_notice_minutes": 120,
    }
    changed = {"prep_minutes": 10, "pickup_slot_minutes": 30, "orders_per_slot": 3}
    response = vendor_client.patch(f"/api/services/{service.pk}/", changed, format="json")
    assert response.status_code == 200
    assert {key: response.json()[key] for key in changed} == changed
    for bad in (
        {"prep_minutes": 0},
        {"prep_minutes": 241},
        {"orders_in_parallel": 51},
        {"pickup_slot_minutes": 7},
        {"orders_per_slot": 0},
        {"orders_per_slot": 501},
        {"slot_minutes": 4},
        {"seats_per_slot": 101},
        {"min_notice_minutes": 10081},
        {"max_days_ahead": 91},
        {"cancel_notice_minutes": -1},
    ):
        response = vendor_client.patch(f"/api/services/{service.pk}/", bad, format="json")
        assert response.status_code == 400 and next(iter(bad)) in response.json(), bad
    # The pause is set through its endpoint only.
    vendor_client.patch(
        f"/api/services/{service.pk}/", {"paused_until": "2030-01-01T00:00:00Z"}, format="json"
    )
    service.refresh_from_db()
    assert service.paused_until is None
