"""Posting, editing and deleting a review each write one typed event in the
change's transaction; a deleted review's events stay with its service."""

import pytest

from common import domain_events
from common.exceptions import Forbidden
from conftest import client_for
from reviews import services
from reviews.models import Review, ReviewEvent
from users.tests.factories import StudentFactory, VendorFactory

pytestmark = pytest.mark.django_db


def events():
    return list(
        ReviewEvent.objects.order_by("id").values_list("kind", "review_id", "actor_id", "data")
    )


def test_post_edit_delete_each_write_an_event(service):
    author = StudentFactory()
    client = client_for(author)
    seen = []
    domain_events.subscribe(ReviewEvent)(seen.append)
    try:
        review_id = client.post("/api/reviews/", {"service": service.pk, "rating": 4}).json()["id"]
        client.patch(f"/api/reviews/{review_id}/", {"rating": 2}, format="json")
        client.delete(f"/api/reviews/{review_id}/")
    finally:
        domain_events.unsubscribe(ReviewEvent, seen.append)

    assert events() == [
        ("posted", None, author.pk, {"review_id": review_id, "author": author.pk, "rating": 4}),
        (
            "edited",
            None,
            author.pk,
            {
                "review_id": review_id,
                "author": author.pk,
                "rating": 2,
                "previous_rating": 4,
                "comment_changed": False,
            },
        ),
        ("deleted", None, author.pk, {"review_id": review_id, "author": author.pk, "rating": 2}),
    ]
    assert set(ReviewEvent.objects.values_list("service_id", flat=True)) == {service.pk}
    assert [event.kind for event in seen] == ["posted", "edited", "deleted"]
    assert not Review.objects.exists()


def test_refused_review_writes_no_event(service):
    author = StudentFactory()
    client_for(author).post("/api/reviews/", {"service": service.pk, "rating": 4})

    again = client_for(author).post("/api/reviews/", {"service": service.pk, "rating": 5})

    assert again.status_code == 400
    assert list(ReviewEvent.objects.values_list("kind", flat=True)) == ["posted"]


def test_only_students_review_whoever_calls_the_service(service):
    with pytest.raises(Forbidden):
        services.review_create(user=VendorFactory(), service=service, rating=5)

    assert not Review.objects.exists()
    assert not ReviewEvent.objects.exists()
