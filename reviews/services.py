"""Writes of reviews, and the service rating they keep exact.

Every write locks the reviewed service's row first, then changes the review,
then recomputes ``rating``/``total_ratings`` from the database, all in one
transaction. On PostgreSQL the lock queues concurrent reviews of one service,
so each recomputation sees every review committed before it and no update is
lost. (On SQLite the lock is a no-op, but write transactions are serialised.)
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db import IntegrityError, transaction
from django.db.models import OuterRef

from catalogue.locks import ServiceLock, lock_service
from catalogue.models import Service
from catalogue.services import ensure_service_open_to_customers
from common.exceptions import DomainError, Forbidden, NotFound
from common.fields import missing_row
from common.plans import Plan, create
from common.public_cache import invalidate_catalogue
from reviews import events, selectors
from reviews.models import ModerationStatus, Review, ReviewEventKind

ALREADY_REVIEWED = "You have already reviewed this service"
TWO_PLACES = Decimal("0.01")
COUNTS = ModerationStatus.VISIBLE

# The sum and number of a service's ratings (an aggregate, compiled once:
# every review write runs it; docs/BENCHMARKS.md's compiled-once row, review
# creation 5.8 -> 3.3 ms CPU in-process). Only reviews that count: not held
# after reports, not removed (reviews.moderation).
_RATING_TOTALS = Plan(
    lambda service: (
        Review.objects.filter(service_id=service, moderation_status=COUNTS)
        .order_by()
        .values_list("rating")
    ),
    ids=("service",),
    around="SELECT SUM(rating), COUNT(*) FROM ({}) AS ratings",
)

# The reviewed service, locked, with its vendor and whether the author bought there.
_LOCK_TO_REVIEW = ServiceLock(
    with_vendor=True,
    annotate=lambda customer: {
        "author_verified": selectors.completed_purchase(service=OuterRef("pk"), customer=customer)
    },
    ids=("customer",),
)


@dataclass(frozen=True)
class RatingChange:
    """A service's rating and count before and after a recomputation."""

    service_id: int
    old_rating: Decimal | None
    old_total: int
    new_rating: Decimal | None
    new_total: int

    @property
    def changed(self) -> bool:
        return (self.old_rating, self.old_total) != (self.new_rating, self.new_total)


def refresh_rating(service: Service) -> RatingChange:
    """Set the locked ``service``'s rating and count from its stored reviews.

    The average is taken from the integer sum and count, not SQL's AVG, so it
    is exact before rounding (a float average can land just below a .005 tie).
    """
    total, count = _RATING_TOTALS.first(service=service.pk)
    rating = (
        (Decimal(total) / count).quantize(TWO_PLACES, rounding=ROUND_HALF_UP) if count else None
    )
    change = RatingChange(service.pk, service.rating, service.total_ratings, rating, count)
    if change.changed:
        service.rating, service.total_ratings = rating, count
        service.save(update_fields=["rating", "total_ratings"])
    return change


def review_create(*, user, service: Service, rating: int, comment: str = "") -> Review:
    """A student's review of an active service; one per student per service.

    ``service`` may be a reference holding only the id
    (``common.fields.LockedLaterField``): the row is read under its lock. The
    review comes back with its author and ``verified_purchase`` set, as the
    reviews API reads it, so it is answered without reading it back.
    """
    if not user.is_student:
        raise Forbidden("Only students can do this.")
    try:
        with transaction.atomic():
            locked = _LOCK_TO_REVIEW(service.pk, customer=user.pk)
            if locked is None:  # no such service, or deleted meanwhile
                raise DomainError(missing_row(service.pk), field="service")
            ensure_service_open_to_customers(service=locked)
            # The unique constraint decides; a duplicate rolls this whole
            # transaction back, and is told apart below.
            # common.plans.create: ~0.3 ms of CPU less than objects.create (docs/BENCHMARKS.md).
            review = create(Review, service=locked, user=user, rating=rating, comment=comment)
            events.record(
                review=review,
                kind=ReviewEventKind.POSTED,
                actor=user,
                data={"rating": rating},
            )
            refresh_rating(locked)
            invalidate_catalogue()
    except IntegrityError:
        if Review.objects.filter(service_id=service.pk, user=user).exists():
            raise DomainError(ALREADY_REVIEWED, field="non_field_errors") from None
        raise
    review.verified_purchase = locked.author_verified
    return review


def review_update(
    *, review: Review, rating: int | None = None, comment: str | None = None, actor=None
) -> Review:
    """Change a review's rating and/or comment; its service and author never change."""
    with transaction.atomic():
        service = lock_service(review.service_id)
        # Re-read under the service lock: a concurrent delete has either
        # committed (the review is gone) or not started.
        current = Review.objects.filter(pk=review.pk).first() if service else None
        if current is None:
            raise NotFound()
        previous = {"rating": current.rating, "comment": current.comment}
        # Changing a review is reviewing: refused like a new one while the
        # service is removed or its vendor hidden. Deleting stays allowed.
        ensure_service_open_to_customers(service=service)
        if rating is not None:
            current.rating = rating
        if comment is not None:
            current.comment = comment
        current.save(update_fields=["rating", "comment", "updated_at"])
        events.record(
            review=current,
            kind=ReviewEventKind.EDITED,
            actor=actor,
            data={
                "rating": current.rating,
                "previous_rating": previous["rating"],
                "comment_changed": current.comment != previous["comment"],
            },
        )
        refresh_rating(service)
        invalidate_catalogue()
    return current


def review_delete(*, review: Review, actor=None) -> None:
    """Delete a review and take it out of its service's rating. Deleting one
    that is already gone is not an error."""
    with transaction.atomic():
        service = lock_service(review.service_id)
        if service is None:  # the service, and with it its reviews, was deleted
            return
        current = Review.objects.filter(pk=review.pk).first()
        if current is None:  # a racing delete got there first
            return
        events.record(
            review=current,
            kind=ReviewEventKind.DELETED,
            actor=actor,
            data={"rating": current.rating},
        )
        current.delete()
        refresh_rating(service)
        invalidate_catalogue()


def service_rating_recompute(*, service_id: int) -> RatingChange | None:
    """Recompute one service's rating from its reviews; None if the service is gone."""
    with transaction.atomic():
        service = lock_service(service_id)
        if service is None:
            return None
        change = refresh_rating(service)
        if change.changed:
            invalidate_catalogue()
    return change
