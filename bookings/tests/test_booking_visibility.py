"""Who sees which bookings, the list's filters and order, and its query count."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import client_for
from users.tests.factories import StudentFactory

from .factories import BookingFactory, BookingServiceFactory, open_every_day
from .helpers import BOOKINGS_URL, booking_url, local_at, tomorrow_at

pytestmark = pytest.mark.django_db


def ids(response):
    assert response.status_code == 200, response.json()
    return [booking["id"] for booking in response.json()["results"]]


@pytest.fixture
def scene(book, barber, vendor, student):
    """Two bookings of ``student`` at ``barber``, one of another student, and one
    at another vendor's service."""
    later = book(start=local_at(2, "09:00"))
    sooner = book(start=tomorrow_at("15:00"))
    stranger = book(client=client_for(StudentFactory()), start=tomorrow_at("11:00"))
    elsewhere_service = BookingServiceFactory()
    open_every_day(elsewhere_service)
    elsewhere = BookingFactory(service=elsewhere_service, start=tomorrow_at("12:00"))
    return {
        "later": later["id"],
        "sooner": sooner["id"],
        "stranger": stranger["id"],
        "elsewhere": elsewhere.pk,
    }


def test_student_sees_their_own_soonest_first(scene, student_client):
    assert ids(student_client.get(BOOKINGS_URL)) == [scene["sooner"], scene["later"]]


def test_vendor_sees_the_bookings_of_their_services(scene, vendor_client):
    assert ids(vendor_client.get(BOOKINGS_URL)) == [
        scene["stranger"],
        scene["sooner"],
        scene["later"],
    ]


def test_admin_sees_all(scene, admin_client):
    assert ids(admin_client.get(BOOKINGS_URL)) == [
        scene["stranger"],
        scene["elsewhere"],
        scene["sooner"],
        scene["later"],
    ]


def test_anonymous_gets_401(api):
    assert api.get(BOOKINGS_URL).status_code == 401


def test_others_bookings_are_404(scene, student_client, vendor_client):
    assert student_client.get(booking_url(scene["stranger"])).status_code == 404
    assert vendor_client.get(booking_url(scene["elsewhere"])).status_code == 404
    assert student_client.get(booking_url(scene["sooner"])).status_code == 200


def test_filter_by_status(scene, student_client):
    student_client.post(
        f"{booking_url(scene['later'])}update_status/",
        {"booking_status": "cancelled"},
        format="json",
    )

    assert ids(student_client.get(BOOKINGS_URL, {"booking_status": "cancelled"})) == [
        scene["later"]
    ]
    assert ids(student_client.get(BOOKINGS_URL, {"booking_status": "confirmed"})) == [
        scene["sooner"]
    ]


def test_filter_by_service(scene, admin_client, barber):
    assert ids(admin_client.get(BOOKINGS_URL, {"service": barber.pk})) == [
        scene["stranger"],
        scene["sooner"],
        scene["later"],
    ]


def test_filter_by_local_date(scene, vendor_client):
    tomorrow = tomorrow_at("00:00").date()

    assert ids(vendor_client.get(BOOKINGS_URL, {"date": tomorrow.isoformat()})) == [
        scene["stranger"],
        scene["sooner"],
    ]
    later = (tomorrow + timedelta(days=1)).isoformat()
    assert ids(vendor_client.get(BOOKINGS_URL, {"date": later})) == [scene["later"]]


@pytest.mark.parametrize(
    "query",
    [
        {"date": "tomorrow"},
        {"date": "2026-02-30"},
        {"booking_status": "pending"},
        {"service": "abc"},
        {"service": "1" + "0" * 30},
    ],
)
def test_malformed_filters_are_a_400(student_client, query):
    response = student_client.get(BOOKINGS_URL, query)

    assert response.status_code == 400
    assert set(response.json()) == set(query)


def test_the_list_is_paginated(book, student_client):
    for hour in range(8, 11):
        book(start=tomorrow_at(f"{hour:02d}:00"))

    body = student_client.get(BOOKINGS_URL, {"page_size": 2}).json()

    assert body["count"] == 3
    assert len(body["results"]) == 2
    assert body["next"]


def test_the_lists_query_count_does_not_grow_with_its_rows(book, vendor_client, student_client):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert vendor_client.get(BOOKINGS_URL).status_code == 200
        return len(queries)

    book(start=tomorrow_at("09:00"))
    few = count_queries()
    for hour in range(10, 16):
        book(client=client_for(StudentFactory()), start=tomorrow_at(f"{hour:02d}:00"))
    many_body = vendor_client.get(BOOKINGS_URL).json()

    assert many_body["count"] == 7
    assert count_queries() == few
