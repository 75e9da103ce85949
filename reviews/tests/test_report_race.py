"""Reports racing on one review, on PostgreSQL where the transactions really
run at once: the review is held exactly once and the rating is exact."""

import pytest

from conftest import client_for
from reviews.models import ModerationStatus, Review, ReviewEvent, ReviewEventKind, ReviewReport
from reviews.services import review_create
from tests.races import race
from users.tests.factories import StudentFactory

from .conftest import rating_of

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_three_racing_reports_hold_the_review_exactly_once(service):
    five, _three, _one = (
        review_create(user=StudentFactory(), service=service, rating=stars) for stars in (5, 3, 1)
    )
    clients = [client_for(StudentFactory()) for _ in range(3)]

    answers = race(
        [
            (c, "post", f"/api/reviews/{five.pk}/report/", {"reason": "Spam."}, "json")
            for c in clients
        ]
    )

    assert [status for status, _ in answers] == [201, 201, 201]
    assert ReviewReport.objects.filter(review=five).count() == 3
    assert Review.objects.get(pk=five.pk).moderation_status == ModerationStatus.HELD
    assert ReviewEvent.objects.filter(review=five, kind=ReviewEventKind.HELD).count() == 1
    assert rating_of(service) == ("2.00", 2)


def test_one_user_reporting_twice_at_once_is_recorded_once(service):
    review = review_create(user=StudentFactory(), service=service, rating=4)
    client = client_for(StudentFactory())

    answers = race(
        [(client, "post", f"/api/reviews/{review.pk}/report/", {"reason": "x"}, "json")] * 2
    )

    assert sorted(status for status, _ in answers) == [201, 400]
    assert ReviewReport.objects.filter(review=review).count() == 1
