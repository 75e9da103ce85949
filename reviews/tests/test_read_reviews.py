from datetime import timedelta

import pytest
from django.utils import timezone

from catalogue.tests.factories import ServiceFactory
from conftest import client_for
from orders.models import OrderStatus
from orders.tests.factories import OrderFactory
from reviews.models import Review
from reviews.tests.factories import ReviewFactory
from users.tests.factories import StudentFactory, VendorFactory

URL = "/api/reviews/"


def aged(review, minutes_ago):
    Review.objects.filter(pk=review.pk).update(
        created_at=timezone.now() - timedelta(minutes=minutes_ago)
    )
    return review


def ids(response):
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


def test_anyone_lists_reviews_newest_first_paginated(api, db):
    oldest = aged(ReviewFactory(), 30)
    newest = aged(ReviewFactory(), 1)
    middle = aged(ReviewFactory(), 10)

    response = api.get(URL)

    assert ids(response) == [newest.pk, middle.pk, oldest.pk]
    assert {"count", "next", "previous", "results"} <= set(response.json())
    assert response.json()["count"] == 3


def test_page_size_is_honoured(api, db):
    ReviewFactory.create_batch(3)

    response = api.get(URL, {"page_size": 2})

    assert len(ids(response)) == 2
    assert response.json()["next"] is not None


def test_filters_by_service_user_and_rating(api, service):
    author = StudentFactory()
    mine_here = ReviewFactory(service=service, user=author, rating=5)
    other_here = ReviewFactory(service=service, rating=2)
    mine_elsewhere = ReviewFactory(user=author, rating=5)

    assert set(ids(api.get(URL, {"service": service.pk}))) == {mine_here.pk, other_here.pk}
    assert set(ids(api.get(URL, {"user": author.pk}))) == {mine_here.pk, mine_elsewhere.pk}
    assert set(ids(api.get(URL, {"rating": 5}))) == {mine_here.pk, mine_elsewhere.pk}
    assert ids(api.get(URL, {"service": service.pk, "rating": 2})) == [other_here.pk]
    assert ids(api.get(URL, {"service": 999_999})) == []


@pytest.mark.parametrize(
    "query",
    [
        {"service": "abc"},
        {"service": "1e5"},
        {"service": "1" * 40},
        {"service": "0"},
        {"user": "x"},
        {"rating": "6"},
        {"rating": "0"},
        {"rating": "4.5"},
        {"rating": "five"},
    ],
)
def test_invalid_filter_is_a_400_naming_the_filter(api, db, query):
    response = api.get(URL, query)

    assert response.status_code == 400
    assert set(response.json()) == set(query)


def test_anyone_reads_one_review(api, service):
    review = ReviewFactory(service=service, rating=3, comment="Fine.")

    response = api.get(f"{URL}{review.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["service"], body["user"], body["rating"], body["comment"]) == (
        review.pk,
        service.pk,
        review.user_id,
        3,
        "Fine.",
    )


def test_user_name_falls_back_to_a_label_never_the_email(api, db):
    named = ReviewFactory(user=StudentFactory(first_name="Ada", last_name="Lovelace"))
    first_only = ReviewFactory(user=StudentFactory(first_name="Grace", last_name=""))
    unnamed = ReviewFactory(
        user=StudentFactory(first_name="", last_name="", email="k.johnson@campus.test")
    )

    names = {row["id"]: row["user_name"] for row in api.get(URL).json()["results"]}

    assert names == {
        named.pk: "Ada Lovelace",
        first_only.pk: "Grace",
        unnamed.pk: f"Student {unnamed.user.pk}",
    }


def test_verified_purchase_needs_a_completed_order_of_that_service_by_the_author(api, service):
    buyer, pending_buyer, elsewhere_buyer, stranger = StudentFactory.create_batch(4)
    OrderFactory(service=service, customer=buyer, order_status=OrderStatus.COMPLETED)
    OrderFactory(service=service, customer=buyer, order_status=OrderStatus.CANCELLED)
    OrderFactory(service=service, customer=pending_buyer, order_status=OrderStatus.DELIVERING)
    OrderFactory(customer=elsewhere_buyer, order_status=OrderStatus.COMPLETED)
    OrderFactory(service=service, order_status=OrderStatus.COMPLETED)  # someone who did not review
    reviews = {
        user: ReviewFactory(service=service, user=user)
        for user in (buyer, pending_buyer, elsewhere_buyer, stranger)
    }

    flags = {row["id"]: row["verified_purchase"] for row in api.get(URL).json()["results"]}

    assert flags == {
        reviews[buyer].pk: True,
        reviews[pending_buyer].pk: False,
        reviews[elsewhere_buyer].pk: False,
        reviews[stranger].pk: False,
    }
    assert api.get(f"{URL}{reviews[buyer].pk}/").json()["verified_purchase"] is True


def test_verified_purchase_is_returned_when_a_buyer_reviews(service):
    buyer = StudentFactory()
    OrderFactory(service=service, customer=buyer, order_status=OrderStatus.COMPLETED)

    response = client_for(buyer).post(URL, {"service": service.pk, "rating": 5})

    assert response.status_code == 201
    assert response.json()["verified_purchase"] is True


def _reviews_with_orders(count):
    vendor = VendorFactory(password=None)  # no password: hashing 30 of them is slow
    for student in StudentFactory.create_batch(count, password=None):
        review = ReviewFactory(service=ServiceFactory(vendor=vendor), user=student)
        OrderFactory(service=review.service, customer=student, order_status="completed")


@pytest.mark.parametrize("rows", [1, 30])
def test_list_query_count_does_not_grow_with_rows(api, db, django_assert_max_num_queries, rows):
    _reviews_with_orders(rows)

    with django_assert_max_num_queries(2):
        response = api.get(URL, {"page_size": 100})

    assert len(ids(response)) == rows
    assert all(row["verified_purchase"] for row in response.json()["results"])
