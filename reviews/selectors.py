"""Reads of reviews, shared by the reviews API, a service's reviews page and the admin."""

from collections.abc import Mapping

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, QuerySet

from common.filters import IdFilter
from orders.models import Order, OrderStatus
from reviews.models import Review


def reviews_with_verification(queryset: QuerySet[Review]) -> QuerySet[Review]:
    """Add ``verified_purchase`` and the author in the same query, so a page of
    reviews costs one query however many rows it holds."""
    completed_order = Order.objects.filter(
        service_id=OuterRef("service_id"),
        customer_id=OuterRef("user_id"),
        order_status=OrderStatus.COMPLETED,
    )
    return queryset.select_related("user").annotate(verified_purchase=Exists(completed_order))


class ReviewFilter(django_filters.FilterSet):
    service = IdFilter(field_name="service_id")
    user = IdFilter(field_name="user_id")
    rating = IdFilter(field_name="rating", max_value=5)

    class Meta:
        model = Review
        fields = ["service", "user", "rating"]


def service_reviews(*, service_id: int) -> QuerySet[Review]:
    """A service's reviews, newest first, each with ``verified_purchase``."""
    return reviews_with_verification(Review.objects.filter(service_id=service_id)).order_by(
        "-created_at", "-id"
    )


def review_list(*, filters: Mapping | None = None) -> QuerySet[Review]:
    """Reviews, newest first, narrowed by ``service``, ``user`` and ``rating``.

    Raises ``ValidationError`` (a 400 in the API) for a filter value that is not valid.
    """
    queryset = reviews_with_verification(Review.objects.order_by("-created_at", "-id"))
    filterset = ReviewFilter(data=filters or {}, queryset=queryset)
    if not filterset.is_valid():
        raise ValidationError(filterset.errors.as_data())
    return filterset.qs
