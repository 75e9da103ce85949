"""Input at the edges of what the types allow is a 400 (or an empty answer),
never a 500."""

import pytest

from .helpers import BOOKINGS_URL

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["UTC", "Europe/Amsterdam", "America/Los_Angeles"])
def zone(request, settings):
    settings.TIME_ZONE = request.param


@pytest.mark.parametrize(
    "start",
    [
        "9999-12-31T23:59:59Z",
        "9999-12-31T23:59:59-05:00",
        "0001-01-01T00:00:00Z",
        "0001-01-01T00:00:00+05:00",
        "2026-03-29T02:30:00",
        "2026-10-25T02:30:00",
        "2026-01-01T10:00:00+23:59",
    ],
)
def test_extreme_or_naive_starts_are_a_400(zone, student_client, barber, start):
    response = student_client.post(
        BOOKINGS_URL, {"service": barber.pk, "start": start}, format="json"
    )

    assert response.status_code == 400, response.content
    assert "start" in response.json()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "2026-03-29", "2026-10-25"])
def test_extreme_dates_filter_to_nothing(zone, student_client, day):
    response = student_client.get(BOOKINGS_URL, {"date": day})

    assert response.status_code == 200
    assert response.json()["count"] == 0


@pytest.mark.parametrize(
    "body",
    [
        {"service": 1, "start": "2026-01-01T10:00:00Z", "notes": "a\x00b"},
        {"service": [1], "start": "2026-01-01T10:00:00Z"},
        {"service": {"id": 1}, "start": ["2026-01-01T10:00:00Z"]},
        {"service": 1, "start": "2026-01-01T10:00:00Z", "service_item": "1e400"},
        {"service": 1, "start": "2026-01-01T10:00:00Z", "service_item": 1.5},
        [],
        "text",
    ],
)
def test_malformed_bodies_are_a_400(student_client, barber, body):
    if isinstance(body, dict) and body.get("service") == 1:
        body["service"] = barber.pk

    response = student_client.post(BOOKINGS_URL, body, format="json")

    assert response.status_code == 400, response.content


@pytest.mark.parametrize("body", [{"booking_status": ["cancelled"]}, {"reason": "x"}, [], {}])
def test_malformed_status_changes_are_a_400(book, student_client, body):
    booking = book()

    response = student_client.post(
        f"{BOOKINGS_URL}{booking['id']}/update_status/", body, format="json"
    )

    assert response.status_code == 400
