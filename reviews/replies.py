"""A vendor's public reply to a review of one of their services.

The reply lives on the review row (``reply_text`` and its times), so every
review read carries it without another query. Setting it notifies the
review's author through the ``replied`` review event.
"""

from django.db import transaction
from django.utils import timezone

from common.exceptions import Forbidden, NotFound
from common.public_cache import invalidate_catalogue
from reviews import events
from reviews.models import Review, ReviewEventKind

NOT_YOUR_SERVICE = "Only the reviewed service's vendor can reply to this review."
REPLY_FIELDS = ["reply_text", "reply_created_at", "reply_updated_at"]


def _locked(review: Review, vendor) -> Review:
    current = (
        Review.objects.select_for_update(of=("self",))
        .select_related("service", "service__vendor", "user")
        .filter(pk=review.pk)
        .first()
    )
    if current is None:
        raise NotFound()
    if current.service.vendor_id != vendor.pk:
        raise Forbidden(NOT_YOUR_SERVICE)
    return current


@transaction.atomic
def review_reply_set(*, review: Review, vendor, text: str) -> Review:
    """Set (or change) the reply; its author is told when the text changed."""
    current = _locked(review, vendor)
    if current.reply_created_at is not None and current.reply_text == text:
        return current
    now = timezone.now()
    current.reply_text = text
    current.reply_created_at = current.reply_created_at or now
    current.reply_updated_at = now
    current.save(update_fields=REPLY_FIELDS)
    events.record(review=current, kind=ReviewEventKind.REPLIED, actor=vendor, data={"text": text})
    invalidate_catalogue()
    return current


@transaction.atomic
def review_reply_delete(*, review: Review, vendor) -> None:
    """Remove the reply; removing none is not an error."""
    current = _locked(review, vendor)
    if current.reply_created_at is None:
        return
    current.reply_text = ""
    current.reply_created_at = current.reply_updated_at = None
    current.save(update_fields=REPLY_FIELDS)
    events.record(review=current, kind=ReviewEventKind.REPLY_DELETED, actor=vendor)
    invalidate_catalogue()
