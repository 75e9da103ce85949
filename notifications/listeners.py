"""Who is notified of which domain event, exactly as the contract lists it:

- the vendor: an order placed for their service (``order_placed``), an order
  cancelled by its customer (``order_status``), a booking made or cancelled
  by its customer (``booking_made``, ``booking_status``), a review posted on
  their service (``review_posted``), an admin's verification decision on
  their profile (``verification``);
- the customer: each status change of their order or booking made by anyone
  else, i.e. the vendor (or an operator cancelling in the Django admin, named
  as the campus services team rather than as the vendor); the review's author:
  the vendor's reply to it (``review_reply``).

An order or booking waiting for its online payment is announced to its
vendor only once paid (its ``paid`` event).

Nobody is notified of their own action (``services.notification_create``).
Everything runs inside the transaction of the change: a rollback notifies
nobody. Emails go out for what a student must not miss: their order is ready,
or their order or booking was cancelled by the vendor.
"""

from bookings.models import BookingEvent
from catalogue.verification import VerificationDecided
from common.domain_events import subscribe
from notifications import messages
from notifications.models import NotificationKind
from notifications.services import notification_create
from orders.models import OrderEvent
from reviews.models import ReviewEvent


def _by_operator(event, vendor_id: int) -> bool:
    """Done by an operator in the Django admin: someone who is not the vendor
    (the customer's own changes never reach this)."""
    return event.actor_id is not None and event.actor_id != vendor_id


def _status_changed(event, subject, *, kind, for_vendor, for_customer, emailed: set[str]) -> None:
    """A status change of an order or booking (``subject``): told to the vendor
    when its customer made it, else to the customer, by email too for the
    statuses in ``emailed``."""
    vendor_id, customer = subject.service.vendor_id, subject.customer
    by_customer = event.actor_id is not None and event.actor_id == customer.pk
    if by_customer:
        title, body = for_vendor(subject, to_status=event.to_status, reason=event.reason)
    else:
        title, body = for_customer(
            subject,
            to_status=event.to_status,
            reason=event.reason,
            by_operator=_by_operator(event, vendor_id),
        )
    notification_create(
        recipient_id=vendor_id if by_customer else customer.pk,
        actor_id=event.actor_id,
        kind=kind,
        title=title,
        body=body,
        subject=subject,
        service=subject.service,
        email_to=customer.email if not by_customer and event.to_status in emailed else "",
    )


def _awaits_payment(subject) -> bool:
    """Waiting for its online payment: the vendor must not hear of it yet."""
    payment = subject.payment
    return payment is not None and not payment.visible_to_vendor


@subscribe(OrderEvent)
def on_order_event(event) -> None:
    order = event.order
    # Placed and paid at once, or placed hidden and paid later (payments): the
    # vendor hears "order placed" once, when the order becomes theirs to see.
    if (event.kind == "placed" and not _awaits_payment(order)) or event.kind == "paid":
        title, body = messages.order_placed(order, quantity=event.data.get("quantity"))
        notification_create(
            recipient_id=order.service.vendor_id,
            actor_id=event.actor_id,
            kind=NotificationKind.ORDER_PLACED,
            title=title,
            body=body,
            subject=order,
            service=order.service,
        )
    elif event.kind == "status_changed":
        _status_changed(
            event,
            order,
            kind=NotificationKind.ORDER_STATUS,
            for_vendor=messages.order_status_for_vendor,
            for_customer=messages.order_status_for_customer,
            emailed={"ready", "cancelled"},
        )


@subscribe(ReviewEvent)
def on_review_event(event) -> None:
    if event.kind == "replied":
        on_review_reply(event)
        return
    if event.kind != "posted":
        return
    review = event.review
    rating = event.data.get("rating", review.rating if review else "?")
    title, body = messages.review_posted(
        event.service,
        author=event.actor or (review.user if review else None),
        rating=rating,
        comment=review.comment if review else "",
    )
    notification_create(
        recipient_id=event.service.vendor_id,
        actor_id=event.actor_id,
        kind=NotificationKind.REVIEW_POSTED,
        title=title,
        body=body,
        service=event.service,
    )


def on_review_reply(event) -> None:
    review = event.review
    title, body = messages.review_reply(review, text=event.data.get("text", ""))
    notification_create(
        recipient_id=review.user_id,
        actor_id=event.actor_id,
        kind=NotificationKind.REVIEW_REPLY,
        title=title,
        body=body,
        service=review.service,
    )


@subscribe(VerificationDecided)
def on_verification_decided(event: VerificationDecided) -> None:
    title, body = messages.verification_decided(
        event.profile, verified=event.decision == "verify", reason=event.reason
    )
    notification_create(
        recipient_id=event.profile.user_id,
        actor_id=event.actor_id,
        kind=NotificationKind.VERIFICATION,
        title=title,
        body=body,
    )


@subscribe(BookingEvent)
def on_booking_event(event) -> None:
    booking = event.booking
    if (event.kind == "made" and not _awaits_payment(booking)) or event.kind == "paid":
        title, body = messages.booking_made(booking)
        notification_create(
            recipient_id=booking.service.vendor_id,
            actor_id=event.actor_id,
            kind=NotificationKind.BOOKING_MADE,
            title=title,
            body=body,
            subject=booking,
            service=booking.service,
        )
    elif event.kind == "status_changed":
        _status_changed(
            event,
            booking,
            kind=NotificationKind.BOOKING_STATUS,
            for_vendor=messages.booking_status_for_vendor,
            for_customer=messages.booking_status_for_customer,
            emailed={"cancelled"},
        )
