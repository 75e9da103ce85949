"""A vendor's reply to a review of their service."""

import pytest

from conftest import client_for
from notifications.models import Notification
from reviews.tests.factories import ReviewFactory
from users.tests.factories import AdminFactory, StudentFactory, VendorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(service):
    return ReviewFactory(service=service, rating=2, comment="Cold fries.")


def reply_url(review):
    return f"/api/reviews/{review.pk}/reply/"


def test_every_review_carries_a_null_vendor_reply_until_there_is_one(api, review):
    assert api.get(f"/api/reviews/{review.pk}/").json()["vendor_reply"] is None
    assert api.get("/api/reviews/").json()["results"][0]["vendor_reply"] is None


def test_the_vendor_replies_and_the_author_is_notified(api, review):
    vendor = client_for(review.service.vendor)

    response = vendor.put(reply_url(review), {"text": "Sorry, fixed the fryer."})

    assert response.status_code == 200
    reply = response.json()["vendor_reply"]
    assert reply["text"] == "Sorry, fixed the fryer."
    assert reply["created_at"] == reply["updated_at"]
    listed = api.get(f"/api/services/{review.service.pk}/reviews/").json()["results"][0]
    assert listed["vendor_reply"]["text"] == "Sorry, fixed the fryer."
    notification = Notification.objects.get(recipient=review.user)
    assert notification.kind == "review_reply"
    assert "Sorry, fixed the fryer." in notification.body
    assert not Notification.objects.filter(recipient=review.service.vendor).exists()


def test_changing_the_reply_keeps_its_creation_time(review):
    vendor = client_for(review.service.vendor)
    first = vendor.put(reply_url(review), {"text": "Sorry."}).json()["vendor_reply"]

    second = vendor.put(reply_url(review), {"text": "Sorry, come again."}).json()["vendor_reply"]
    same = vendor.put(reply_url(review), {"text": "Sorry, come again."})

    assert second["created_at"] == first["created_at"]
    assert second["updated_at"] >= first["updated_at"]
    assert same.status_code == 200
    # Notified of each new text, not of a repeated one.
    assert Notification.objects.filter(recipient=review.user, kind="review_reply").count() == 2


def test_delete_removes_the_reply(api, review):
    vendor = client_for(review.service.vendor)
    vendor.put(reply_url(review), {"text": "Sorry."})

    assert vendor.delete(reply_url(review)).status_code == 204
    assert vendor.delete(reply_url(review)).status_code == 204
    assert api.get(f"/api/reviews/{review.pk}/").json()["vendor_reply"] is None


@pytest.mark.parametrize("text", ["", "   ", "x" * 1001])
def test_the_text_is_1_to_1000_characters(review, text):
    response = client_for(review.service.vendor).put(reply_url(review), {"text": text})

    assert response.status_code == 400 and "text" in response.json()


def test_only_the_reviewed_services_vendor_replies(api, review):
    others = [
        client_for(VendorFactory()),
        client_for(review.user),
        client_for(StudentFactory()),
        client_for(AdminFactory()),
    ]
    for client in others:
        assert client.put(reply_url(review), {"text": "Hi"}).status_code == 403
        assert client.delete(reply_url(review)).status_code == 403
    assert api.put(reply_url(review), {"text": "Hi"}).status_code == 401
    assert api.delete(reply_url(review)).status_code == 401
    assert not Notification.objects.exists()
