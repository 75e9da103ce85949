"""What notifications say. Names follow the contract's public-name rule
(``names.public_name``), so no email ever appears in a title or body."""

from django.utils import timezone

from notifications.names import public_name

ORDER_STATUS_TITLES = {
    "confirmed": "Order #{id} confirmed",
    "preparing": "Order #{id} is being prepared",
    "ready": "Order #{id} is ready",
    "delivering": "Order #{id} is on its way",
    "completed": "Order #{id} completed",
    "cancelled": "Order #{id} cancelled",
}
BOOKING_STATUS_TITLES = {
    "cancelled": "Booking #{id} cancelled",
    "completed": "Booking #{id} completed",
    "no_show": "Booking #{id} marked as a no-show",
    "confirmed": "Booking #{id} confirmed",
}
# Who a customer is told acted when an operator (the Django admin) did, not the vendor.
OPERATOR_NAME = "The campus services team"
STATUS_WORDS = {
    "confirmed": "confirmed",
    "preparing": "started preparing",
    "ready": "marked as ready",
    "delivering": "sent out",
    "completed": "completed",
    "cancelled": "cancelled",
    "no_show": "marked as a no-show",
}


def _with_reason(text: str, reason: str) -> str:
    reason = (reason or "").strip()
    return f"{text} Reason: {reason}" if reason else text


def _vendor_name(service) -> str:
    return public_name(service.vendor)


def order_placed(order, *, quantity: int | None = None) -> tuple[str, str]:
    """``quantity``: units ordered, all lines together (2 burgers and a drink: 3)."""
    if quantity is None:
        quantity = sum(line.quantity for line in order.items.all())
    return (
        f"New order #{order.pk}",
        f"{public_name(order.customer)} ordered {quantity} item{'s' if quantity != 1 else ''} "
        f"from {order.service.service_name} (total {order.total_amount}).",
    )


def order_status_for_vendor(order, *, to_status: str, reason: str) -> tuple[str, str]:
    title = f"Order #{order.pk} cancelled by the customer"
    if to_status != "cancelled":
        title = f"Order #{order.pk} is now {to_status}"
    word = STATUS_WORDS.get(to_status, f"moved to {to_status}")
    body = (
        f"{public_name(order.customer)} {word} order #{order.pk} for {order.service.service_name}."
    )
    return title, _with_reason(body, reason)


def order_status_for_customer(
    order, *, to_status: str, reason: str, by_operator: bool = False
) -> tuple[str, str]:
    title = ORDER_STATUS_TITLES.get(to_status, "Order #{id} is now " + to_status)
    word = STATUS_WORDS.get(to_status, f"moved to {to_status}")
    service = order.service
    who = OPERATOR_NAME if by_operator else _vendor_name(service)
    body = f"{who} {word} your order #{order.pk} ({service.service_name})."
    if to_status == "ready":
        body += " You can collect it now."
    return title.format(id=order.pk), _with_reason(body, reason)


def _when(start) -> str:
    return timezone.localtime(start).strftime("%a %d %b %Y, %H:%M")


def booking_made(booking) -> tuple[str, str]:
    return (
        f"New booking #{booking.pk}",
        f"{public_name(booking.customer)} booked {booking.service.service_name} "
        f"for {_when(booking.start)}.",
    )


def booking_status_for_vendor(booking, *, to_status: str, reason: str) -> tuple[str, str]:
    title = f"Booking #{booking.pk} cancelled by the customer"
    if to_status != "cancelled":
        title = f"Booking #{booking.pk} is now {to_status}"
    word = STATUS_WORDS.get(to_status, f"moved to {to_status}")
    body = (
        f"{public_name(booking.customer)} {word} their booking of "
        f"{booking.service.service_name} for {_when(booking.start)}."
    )
    return title, _with_reason(body, reason)


def booking_status_for_customer(
    booking, *, to_status: str, reason: str, by_operator: bool = False
) -> tuple[str, str]:
    title = BOOKING_STATUS_TITLES.get(to_status, "Booking #{id} is now " + to_status)
    word = STATUS_WORDS.get(to_status, f"moved to {to_status}")
    who = OPERATOR_NAME if by_operator else _vendor_name(booking.service)
    body = (
        f"{who} {word} your booking of {booking.service.service_name} for {_when(booking.start)}."
    )
    return title.format(id=booking.pk), _with_reason(body, reason)


def review_posted(service, *, author, rating, comment: str) -> tuple[str, str]:
    body = f"{public_name(author)} rated {service.service_name} {rating}/5"
    comment = (comment or "").strip()
    body = f'{body}: "{comment[:300]}"' if comment else f"{body}."
    return f"New review of {service.service_name}", body


def review_reply(review, *, text: str) -> tuple[str, str]:
    service = review.service
    return (
        f"{_vendor_name(service)} replied to your review",
        f'{_vendor_name(service)} replied to your review of {service.service_name}: "{text[:300]}"',
    )


def verification_decided(profile, *, verified: bool, reason: str) -> tuple[str, str]:
    if verified:
        title = "Your business is verified"
        body = f"The campus services team verified {profile.business_name}."
    else:
        title = "Your verification was not accepted"
        body = f"The campus services team did not verify {profile.business_name}."
    return title, _with_reason(body, reason)
