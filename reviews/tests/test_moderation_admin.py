"""The Django admin's moderation queue: held reviews with their reports,
kept or removed with a reason through the same service as the API."""

import pytest
from django.test import Client

from reviews.models import ModerationStatus, Review, ReviewEvent
from reviews.moderation import review_report
from reviews.services import review_create
from users.tests.factories import AdminFactory, StudentFactory

from .conftest import rating_of

pytestmark = pytest.mark.django_db

QUEUE = "/admin/reviews/heldreview/"


@pytest.fixture
def site():
    client = Client()
    client.force_login(AdminFactory(is_superuser=True))
    return client


@pytest.fixture
def held(service):
    review_create(user=StudentFactory(), service=service, rating=2)
    review = review_create(user=StudentFactory(), service=service, rating=5, comment="Spam!")
    for reason in ("Spam.", "Advert.", "Not a review."):
        review_report(review_id=review.pk, reporter=StudentFactory(), reason=reason)
    return review


def test_the_queue_lists_held_reviews_with_their_reports(site, held, service):
    listing = site.get(QUEUE)
    page = site.get(f"{QUEUE}{held.pk}/change/").content.decode()

    assert [r.pk for r in listing.context["cl"].result_list] == [held.pk]
    for reason in ("Spam.", "Advert.", "Not a review."):
        assert reason in page


def test_keep_from_the_queue_lists_it_again(site, held, service):
    response = site.post(
        QUEUE, {"action": "keep", "_selected_action": [held.pk], "apply": "1", "reason": "Fine."}
    )

    assert response.status_code == 302
    assert Review.objects.get(pk=held.pk).moderation_status == ModerationStatus.VISIBLE
    assert rating_of(service) == ("3.50", 2)
    assert ReviewEvent.objects.get(review=held, kind="kept").reason == "Fine."
    assert site.get(QUEUE).context["cl"].result_count == 0


def test_remove_from_the_queue_hides_it_for_good(site, held, service):
    site.post(QUEUE, {"action": "remove", "_selected_action": [held.pk], "apply": "1"})

    assert Review.objects.get(pk=held.pk).moderation_status == ModerationStatus.REMOVED
    assert rating_of(service) == ("2.00", 1)


def test_report_admin_lists_open_reports(site, held):
    response = site.get("/admin/reviews/reviewreport/?closed_at__isnull=True&q=spam")

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1
