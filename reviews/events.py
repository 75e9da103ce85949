"""Writing a review's events: the row in the change's transaction, then the
in-process publication listeners (notifications, the live stream) read."""

from common.domain_events import publish
from common.plans import create

from .models import Review, ReviewEvent, ReviewEventKind


def record(
    *,
    review: Review,
    kind: ReviewEventKind,
    actor,
    data: dict | None = None,
    reason: str = "",
    from_status: str = "",
    to_status: str = "",
) -> ReviewEvent:
    """Store one event of ``review`` and publish it. Call inside the transaction
    that made the change (before deleting the review, which then empties the
    event's ``review``), so both commit or roll back together."""
    # The service as the write read it, when it did: the listeners read it.
    cached = Review.service.is_cached(review)
    service = {"service": review.service} if cached else {"service_id": review.service_id}
    # Every review write records one (common.plans.create: ~0.3 ms of CPU less
    # than objects.create, docs/BENCHMARKS.md).
    event = create(
        ReviewEvent,
        review=review,
        **service,
        kind=kind,
        actor=actor,
        reason=reason,
        from_status=from_status,
        to_status=to_status,
        data={"review_id": review.pk, "author": review.user_id, **(data or {})},
    )
    publish(event)
    return event
