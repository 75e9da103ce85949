"""Review reports and moderation: users report a review, enough reports hold
it, an admin keeps or removes it.

Every write here locks the review's service row first (``lock_service``), like
every other review write, so reports racing on one review are counted one
after the other: exactly one of them sees the threshold reached and holds the
review, and the rating is recomputed in that same transaction. The database
decides "once per user per review" (a unique constraint).
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from catalogue.locks import lock_service
from common.exceptions import DomainError, Forbidden, NotFound
from common.public_cache import invalidate_catalogue
from reviews import events
from reviews.models import ModerationStatus, Review, ReviewEventKind, ReviewReport
from reviews.services import refresh_rating

ALREADY_REPORTED = "You have already reported this review."
OWN_REVIEW = "You cannot report your own review."
ALREADY_REMOVED = "This review has already been removed."


class Decision:
    KEEP = "keep"
    REMOVE = "remove"
    CHOICES = [KEEP, REMOVE]


def _locked_review(review_id: int):
    """(service, review) with the service row locked and the review read under it."""
    service_id = Review.objects.filter(pk=review_id).values_list("service_id", flat=True).first()
    service = lock_service(service_id) if service_id is not None else None
    review = Review.objects.filter(pk=review_id).first() if service is not None else None
    if review is None:
        raise NotFound()
    return service, review


def open_reports(review: Review) -> int:
    return ReviewReport.objects.filter(review=review, closed_at__isnull=True).count()


def review_report(*, review_id: int, reporter, reason: str) -> ReviewReport:
    """``reporter`` reports a review (not their own; once). The report that
    brings its open reports to ``REVIEW_HIDE_AFTER_REPORTS`` holds it."""
    with transaction.atomic():
        service, review = _locked_review(review_id)
        if review.user_id == reporter.pk:
            raise Forbidden(OWN_REVIEW)
        if review.moderation_status == ModerationStatus.REMOVED:
            raise DomainError(ALREADY_REMOVED)
        try:
            with transaction.atomic():
                report = ReviewReport.objects.create(
                    review=review, reporter=reporter, reason=reason
                )
        except IntegrityError:
            raise DomainError(ALREADY_REPORTED) from None
        reports = open_reports(review)
        if (
            review.moderation_status == ModerationStatus.VISIBLE
            and reports >= settings.REVIEW_HIDE_AFTER_REPORTS
        ):
            _set_status(review, ModerationStatus.HELD)
            events.record(
                review=review,
                kind=ReviewEventKind.HELD,
                actor=None,
                from_status=ModerationStatus.VISIBLE,
                to_status=ModerationStatus.HELD,
                data={"open_reports": reports},
            )
            refresh_rating(service)
            invalidate_catalogue()
    return report


def _set_status(review: Review, status: str) -> None:
    Review.objects.filter(pk=review.pk).update(moderation_status=status)
    review.moderation_status = status


def review_moderate(*, review_id: int, actor, decision: str, reason: str = "") -> Review:
    """An admin's decision: ``keep`` closes the open reports and shows the
    review again; ``remove`` closes them and hides it for good (its author
    still reads it). Either way the rating is recomputed in this transaction."""
    if decision not in Decision.CHOICES:
        raise DomainError(f"Choose one of: {', '.join(Decision.CHOICES)}.", field="decision")
    with transaction.atomic():
        service, review = _locked_review(review_id)
        if review.moderation_status == ModerationStatus.REMOVED:
            raise DomainError(ALREADY_REMOVED)
        previous = review.moderation_status
        ReviewReport.objects.filter(review=review, closed_at__isnull=True).update(
            closed_at=timezone.now()
        )
        kept = decision == Decision.KEEP
        _set_status(review, ModerationStatus.VISIBLE if kept else ModerationStatus.REMOVED)
        events.record(
            review=review,
            kind=ReviewEventKind.KEPT if kept else ReviewEventKind.REMOVED,
            actor=actor,
            reason=reason,
            from_status=previous,
            to_status=review.moderation_status,
        )
        refresh_rating(service)
        invalidate_catalogue()
    return review
