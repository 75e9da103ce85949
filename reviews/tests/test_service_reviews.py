"""GET /api/services/{id}/reviews/: paginated, newest first, each with
verified_purchase from the author's completed orders."""

import pytest

from catalogue.tests.factories import ServiceFactory
from orders.models import OrderStatus
from orders.tests.factories import OrderFactory
from reviews.tests.factories import ReviewFactory
from users.tests.factories import StudentFactory

pytestmark = pytest.mark.django_db


def test_a_service_without_reviews_has_an_empty_page(api):
    service = ServiceFactory()

    response = api.get(f"/api/services/{service.pk}/reviews/")

    assert response.status_code == 200
    assert response.json() == {"count": 0, "next": None, "previous": None, "results": []}


def test_reviews_are_newest_first_with_their_authors_and_verification(api):
    service = ServiceFactory()
    buyer = StudentFactory(first_name="Grace", last_name="Hopper")
    browser = StudentFactory(first_name="", last_name="", email="lurker@campus.test")
    OrderFactory(service=service, customer=buyer, order_status=OrderStatus.COMPLETED)
    OrderFactory(service=service, customer=browser, order_status=OrderStatus.CANCELLED)
    OrderFactory(customer=browser, order_status=OrderStatus.COMPLETED)
    first = ReviewFactory(service=service, user=buyer, rating=5, comment="Great")
    second = ReviewFactory(service=service, user=browser, rating=2)
    ReviewFactory()

    body = api.get(f"/api/services/{service.pk}/reviews/").json()

    assert body["count"] == 2
    newest, oldest = body["results"]
    assert (newest["id"], newest["user_name"], newest["verified_purchase"]) == (
        second.pk,
        f"Student {browser.pk}",
        False,
    )
    assert (oldest["id"], oldest["user_name"], oldest["verified_purchase"]) == (
        first.pk,
        "Grace Hopper",
        True,
    )
    assert oldest["service"] == service.pk
    assert oldest["user"] == buyer.pk
    assert (oldest["rating"], oldest["comment"]) == (5, "Great")
    assert set(oldest) == {
        "id",
        "service",
        "user",
        "user_name",
        "rating",
        "comment",
        "created_at",
        "updated_at",
        "verified_purchase",
        "vendor_reply",
        "removed",
    }


def test_reviews_of_a_missing_service_are_404(api):
    assert api.get("/api/services/424242/reviews/").status_code == 404
