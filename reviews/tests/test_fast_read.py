"""Reviews serialize as DRF's own machinery would (common.serializers.FastReadMixin)."""

import pytest

from common.tests.fast_read import assert_same_json
from orders.models import OrderStatus
from orders.tests.factories import OrderFactory
from reviews import selectors
from reviews.api.serializers import ReviewSerializer
from reviews.tests.factories import ReviewFactory
from users.tests.factories import StudentFactory

pytestmark = pytest.mark.django_db


def test_reviews_verified_or_not_named_or_not(service):
    verified = ReviewFactory(service=service, comment="Great fries")
    OrderFactory(service=service, customer=verified.user, order_status=OrderStatus.COMPLETED)
    ReviewFactory(service=service, user=StudentFactory(first_name="", last_name=""), comment="")

    reviews = list(selectors.review_list(user=verified.user))
    data = assert_same_json(ReviewSerializer, reviews)
    assert sorted(review["verified_purchase"] for review in data) == [False, True]
