"""Reporting reviews, holding them after enough reports, and an admin's
keep or remove, with the service's rating following what counts."""

import pytest
from django.db import IntegrityError, transaction

from catalogue.models import Service
from conftest import client_for
from reviews.models import ModerationStatus, Review, ReviewReport
from reviews.services import review_create
from users.tests.factories import AdminFactory, StudentFactory, VendorFactory

from .conftest import rating_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviews(service):
    """Three reviews of ``service``: 5, 3 and 1 stars (average 3.00)."""
    return [
        review_create(user=StudentFactory(), service=service, rating=stars) for stars in (5, 3, 1)
    ]


def report(review, reporter=None, reason="Spam."):
    client = client_for(reporter or StudentFactory())
    return client.post(f"/api/reviews/{review.pk}/report/", {"reason": reason})


def public_ids(api, service):
    listed = {r["id"] for r in api.get("/api/reviews/").json()["results"]}
    of_service = {
        r["id"] for r in api.get(f"/api/services/{service.pk}/reviews/").json()["results"]
    }
    assert listed == of_service
    return listed


def hold(review):
    for _ in range(3):
        assert report(review).status_code == 201


def test_a_report_is_recorded_once_per_user(reviews):
    reporter = StudentFactory()

    first = report(reviews[0], reporter)
    again = report(reviews[0], reporter)

    assert first.status_code == 201
    assert first.json()["review"] == reviews[0].pk
    assert again.status_code == 400
    assert ReviewReport.objects.count() == 1


def test_the_database_refuses_a_second_report_by_one_user(reviews):
    reporter = StudentFactory()
    ReviewReport.objects.create(review=reviews[0], reporter=reporter, reason="x")

    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewReport.objects.create(review=reviews[0], reporter=reporter, reason="y")


def test_the_author_cannot_report_their_own_review(reviews):
    assert report(reviews[0], reviews[0].user).status_code == 403


@pytest.mark.parametrize("reason", ["", "   ", "x" * 501])
def test_a_reason_of_1_to_500_characters_is_required(reviews, reason):
    response = report(reviews[0], reason=reason)

    assert response.status_code == 400 and "reason" in response.json()


def test_reporting_needs_a_token_and_a_visible_review(api, reviews):
    assert api.post(f"/api/reviews/{reviews[0].pk}/report/", {"reason": "x"}).status_code == 401
    assert report(Review(pk=reviews[0].pk + 999)).status_code == 404


def test_vendors_may_report_too(reviews):
    assert report(reviews[0], VendorFactory()).status_code == 201


def test_three_reports_hold_the_review_and_take_it_out_of_the_rating(api, service, reviews):
    five = reviews[0]
    report(five)
    report(five)
    assert rating_of(service) == ("3.00", 3)

    assert report(five).status_code == 201

    five.refresh_from_db()
    assert five.moderation_status == ModerationStatus.HELD
    assert rating_of(service) == ("2.00", 2)
    assert five.pk not in public_ids(api, service)
    assert api.get(f"/api/reviews/{five.pk}/").status_code == 404
    assert api.get(f"/api/services/{service.pk}/").json()["total_ratings"] == 2
    # Its author still reads it; the vendor of the service does not.
    assert client_for(five.user).get(f"/api/reviews/{five.pk}/").status_code == 200
    assert client_for(service.vendor).get(f"/api/reviews/{five.pk}/").status_code == 404


def test_the_threshold_comes_from_the_settings(settings, service, reviews):
    settings.REVIEW_HIDE_AFTER_REPORTS = 1

    report(reviews[0])

    assert rating_of(service) == ("2.00", 2)


def test_keep_closes_the_reports_and_shows_the_review_again(api, service, reviews):
    five = reviews[0]
    hold(five)
    admin = client_for(AdminFactory())

    response = admin.post(f"/api/reviews/{five.pk}/moderate/", {"decision": "keep"})

    assert response.status_code == 200
    assert response.json()["removed"] is False
    assert rating_of(service) == ("3.00", 3)
    assert five.pk in public_ids(api, service)
    assert ReviewReport.objects.filter(review=five, closed_at__isnull=True).count() == 0
    # Closed reports no longer count: one new report does not hold it again.
    report(five)
    five.refresh_from_db()
    assert five.moderation_status == ModerationStatus.VISIBLE


def test_remove_hides_the_review_for_good_but_its_author_sees_it_removed(api, service, reviews):
    one = reviews[2]
    hold(one)
    admin = client_for(AdminFactory())

    response = admin.post(
        f"/api/reviews/{one.pk}/moderate/", {"decision": "remove", "reason": "Abusive."}
    )

    assert response.status_code == 200 and response.json()["removed"] is True
    assert rating_of(service) == ("4.00", 2)
    assert one.pk not in public_ids(api, service)
    author = client_for(one.user)
    mine = author.get(f"/api/reviews/?user={one.user.pk}").json()["results"]
    assert [(r["id"], r["removed"]) for r in mine] == [(one.pk, True)]
    assert author.get(f"/api/reviews/{one.pk}/").json()["removed"] is True
    # For good: no more reports, no second decision, and editing it does not bring it back.
    assert report(one).status_code == 404  # nobody else sees it any more
    again = admin.post(f"/api/reviews/{one.pk}/moderate/", {"decision": "keep"})
    assert again.status_code == 400
    assert author.patch(f"/api/reviews/{one.pk}/", {"rating": 5}).status_code == 200
    assert rating_of(service) == ("4.00", 2)


def test_an_admin_may_remove_a_review_nobody_reported(service, reviews):
    admin = client_for(AdminFactory())

    response = admin.post(f"/api/reviews/{reviews[0].pk}/moderate/", {"decision": "remove"})

    assert response.status_code == 200
    assert rating_of(service) == ("2.00", 2)


def test_only_admins_moderate(reviews):
    url = f"/api/reviews/{reviews[0].pk}/moderate/"
    assert client_for(StudentFactory()).post(url, {"decision": "remove"}).status_code == 403
    assert client_for(reviews[0].service.vendor).post(url, {"decision": "keep"}).status_code == 403
    bad = client_for(AdminFactory()).post(url, {"decision": "delete"})
    assert bad.status_code == 400 and "decision" in bad.json()


def test_the_rating_equals_the_average_of_the_reviews_that_count(service, reviews):
    hold(reviews[1])
    client_for(AdminFactory()).post(
        f"/api/reviews/{reviews[2].pk}/moderate/", {"decision": "remove"}
    )

    counted = Review.objects.filter(service=service, moderation_status=ModerationStatus.VISIBLE)
    service = Service.objects.get(pk=service.pk)
    assert service.total_ratings == counted.count() == 1
    assert service.rating == 5


def test_reports_are_throttled_per_user(monkeypatch, service, reviews):
    from rest_framework.settings import api_settings

    monkeypatch.setitem(api_settings.DEFAULT_THROTTLE_RATES, "reports", "2/hour")
    reporter = StudentFactory()

    answers = [report(review, reporter) for review in reviews]

    assert [a.status_code for a in answers] == [201, 201, 429]
    assert "Retry-After" in answers[2]
    assert report(reviews[2], StudentFactory()).status_code == 201  # another user is not held up
