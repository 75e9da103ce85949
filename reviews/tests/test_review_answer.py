"""A new review is answered from what the write read and wrote: the 201 is
exactly what a later GET shows, with no query reading the review back and
one read of the service (its locked row)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bookings.models import BookingStatus
from bookings.tests.factories import BookingFactory, BookingServiceFactory
from catalogue.services import SERVICE_REMOVED
from orders.models import OrderStatus
from orders.tests.factories import OrderFactory
from reviews.models import Review, ReviewEvent

from .conftest import rating_of

URL = "/api/reviews/"

pytestmark = pytest.mark.django_db


def _post(client, body):
    with CaptureQueriesContext(connection) as queries:
        response = client.post(URL, body, format="json")
    return response, [q["sql"] for q in queries.captured_queries]


@pytest.mark.parametrize("purchase", ["none", "completed order", "cancelled order"])
def test_the_answer_is_what_a_later_get_shows(api, student, student_client, service, purchase):
    if purchase != "none":
        status = OrderStatus.COMPLETED if purchase == "completed order" else OrderStatus.CANCELLED
        OrderFactory(service=service, customer=student, order_status=status)

    response, sql = _post(student_client, {"service": service.pk, "rating": 4, "comment": "Tasty."})

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body == api.get(f"{URL}{body['id']}/").json()
    assert body["verified_purchase"] is (purchase == "completed order")
    # Nothing read the review back, and the service row was read once (locked).
    assert not [q for q in sql if q.startswith("SELECT") and 'FROM "reviews_review"' in q
                and "SUM(" not in q]  # fmt: skip
    assert len([q for q in sql if q.startswith("SELECT") and 'FROM "catalogue_service"' in q]) == 1


def test_a_completed_booking_verifies_the_new_review(api, student, student_client):
    service = BookingServiceFactory()
    BookingFactory(
        service=service,
        customer=student,
        booking_status=BookingStatus.COMPLETED,
        start=timezone.now() - timedelta(hours=3),
    )

    response, _ = _post(student_client, {"service": service.pk, "rating": 5})

    assert response.status_code == 201
    assert response.json()["verified_purchase"] is True
    assert response.json() == api.get(f"{URL}{response.json()['id']}/").json()


def test_a_missing_service_is_refused_as_an_eager_lookup_would(student_client, db):
    response, _ = _post(student_client, {"service": 999999, "rating": 4})

    assert response.status_code == 400
    assert response.json() == {"service": ['Invalid pk "999999" - object does not exist.']}
    assert not Review.objects.exists()
    assert not ReviewEvent.objects.exists()


def test_a_removed_service_is_refused_saying_why(student_client, service):
    service.is_active = False
    service.save()

    response, _ = _post(student_client, {"service": service.pk, "rating": 4})

    assert response.status_code == 400
    assert response.json() == {"service": [SERVICE_REMOVED]}
    assert rating_of(service) == (None, 0)


def test_a_400_names_every_field_at_fault_missing_service_included(student_client, service):
    both, _ = _post(student_client, {"service": 999999, "rating": 9})
    rating_only, _ = _post(student_client, {"service": service.pk, "rating": 9})

    assert both.status_code == rating_only.status_code == 400
    assert list(both.json()) == ["service", "rating"]
    assert both.json()["service"] == ['Invalid pk "999999" - object does not exist.']
    assert list(rating_only.json()) == ["rating"]
    assert not Review.objects.exists()


def test_a_duplicate_rolls_back_whole(student, student_client, service):
    first, _ = _post(student_client, {"service": service.pk, "rating": 5})
    second, _ = _post(student_client, {"service": service.pk, "rating": 1})

    assert first.status_code == 201
    assert second.status_code == 400
    assert second.json() == {"non_field_errors": ["You have already reviewed this service"]}
    assert Review.objects.filter(service=service).count() == 1
    assert ReviewEvent.objects.filter(service=service).count() == 1
    assert rating_of(service) == ("5.00", 1)
    assert service.vendor.notifications.count() == 1  # the first review only
