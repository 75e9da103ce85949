"""Reviews racing the deletion of their service, on PostgreSQL with real
parallel requests: 201 or 400, never 500, and no review outlives its service."""

import pytest

from catalogue.models import Service
from catalogue.tests.factories import ServiceFactory
from conftest import client_for
from reviews.models import Review
from tests.races import race
from users.tests.factories import StudentFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROUNDS = 5
REVIEWERS = 4


def test_reviews_racing_the_deletion_of_their_service(vendor):
    for _ in range(ROUNDS):
        service = ServiceFactory(vendor=vendor)
        deletion = (client_for(vendor), "delete", f"/api/services/{service.pk}/", None, "json")
        reviews = [
            (client_for(StudentFactory()), "post", "/api/reviews/", body, "json")
            for body in [{"service": service.pk, "rating": 4}] * REVIEWERS
        ]

        results = race([deletion, *reviews])

        assert results[0][0] == 204
        assert {code for code, _ in results[1:]} <= {201, 400}
        assert not Service.objects.filter(pk=service.pk).exists()
        assert not Review.objects.filter(service_id=service.pk).exists()
