"""Typed domain events, handed to whoever listens, inside the writer's transaction.

A domain service that changes something writes an event row of its own domain
(``orders.OrderEvent``, ``bookings.BookingEvent``, ``reviews.ReviewEvent``) in
the same transaction as the change, then calls ``publish(event)``. Listeners in
higher domains (notifications) subscribe once, in their ``AppConfig.ready``, and
run synchronously in that same transaction: a change that rolls back leaves
neither its event nor anything a listener wrote. Lower domains never import the
listeners, so imports keep pointing down.
"""

from collections.abc import Callable

Handler = Callable[[object], None]

_handlers: list[Handler] = []


def subscribe(handler: Handler) -> Handler:
    """Register ``handler`` for every published event (usable as a decorator)."""
    if handler not in _handlers:
        _handlers.append(handler)
    return handler


def publish(event: object) -> None:
    """Hand ``event`` to every listener, in subscription order. Call it inside the
    transaction that wrote the event row; a listener's error rolls the change back."""
    for handler in list(_handlers):
        handler(event)
