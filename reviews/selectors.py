"""Reads of reviews, shared by the reviews API, a service's reviews page and the admin."""

from collections.abc import Mapping

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Exists, Expression, OuterRef, Q, QuerySet

from bookings.models import Booking, BookingStatus
from catalogue.selectors import hidden_vendor_q
from common.filters import IdFilter
from orders.models import Order, OrderStatus
from reviews.models import ModerationStatus, Review

# Held (enough reports) and removed reviews leave every public read.
LISTED = Q(moderation_status=ModerationStatus.VISIBLE)


def completed_purchase(*, service, customer) -> Expression:
    """True when ``customer`` has a completed order or a completed booking of
    ``service`` (each an id or an ``OuterRef``): a review's ``verified_purchase``."""
    completed_order = Order.objects.filter(
        service_id=service, customer_id=customer, order_status=OrderStatus.COMPLETED
    )
    completed_booking = Booking.objects.filter(
        service_id=service, customer_id=customer, booking_status=BookingStatus.COMPLETED
    )
    return Exists(completed_order) | Exists(completed_booking)


def reviews_with_verification(queryset: QuerySet[Review]) -> QuerySet[Review]:
    """Add ``verified_purchase`` and the author in the same query, so a page
    of reviews costs one query however many rows it holds."""
    return queryset.select_related("user").annotate(
        verified_purchase=completed_purchase(
            service=OuterRef("service_id"), customer=OuterRef("user_id")
        )
    )


class ReviewFilter(django_filters.FilterSet):
    service = IdFilter(field_name="service_id")
    user = IdFilter(field_name="user_id")
    rating = IdFilter(field_name="rating", max_value=5)

    class Meta:
        model = Review
        fields = ["service", "user", "rating"]


def service_reviews(*, service_id: int) -> QuerySet[Review]:
    """A service's reviews, newest first, each with ``verified_purchase``. The
    caller has already checked that the service is visible to the reader."""
    return reviews_with_verification(Review.objects.filter(LISTED, service_id=service_id)).order_by(
        "-created_at", "-id"
    )


def reviews_visible_to(user) -> QuerySet[Review]:
    """Reviews ``user`` may read: listed ones (not held, not removed) but those
    of a hidden vendor's services (``catalogue.selectors.hidden_vendor_q``, the
    catalogue's own rule), plus, signed in, their own (held or removed
    included) and the listed ones of their own services; an admin reads all.
    Reviews of a service its vendor deleted stay readable (docs/API.md)."""
    reviews = Review.objects.all()
    if user.is_authenticated and user.is_admin_type:
        return reviews
    visible = LISTED & ~hidden_vendor_q("service__vendor")
    if user.is_authenticated:
        visible |= Q(user=user) | (LISTED & Q(service__vendor=user))
    return reviews.filter(visible)


def review_list(*, user, filters: Mapping | None = None) -> QuerySet[Review]:
    """Reviews ``user`` may read, newest first, narrowed by ``service``,
    ``user`` and ``rating``.

    Raises ``ValidationError`` (a 400 in the API) for a filter value that is not valid.
    """
    queryset = reviews_with_verification(reviews_visible_to(user).order_by("-created_at", "-id"))
    filterset = ReviewFilter(data=filters or {}, queryset=queryset)
    if not filterset.is_valid():
        raise ValidationError(filterset.errors.as_data())
    return filterset.qs
