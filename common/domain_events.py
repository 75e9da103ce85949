"""Typed domain events, handed to whoever listens, inside the writer's transaction.

A domain service that changes something writes an event row of its own domain
(``orders.OrderEvent``, ``bookings.BookingEvent``, ``reviews.ReviewEvent``) in
the same transaction as the change, then calls ``publish(event)``. Listeners in
higher domains (notifications) subscribe once per event type, in their
``AppConfig.ready`` (``@subscribe(OrderEvent)``), and run synchronously in that
same transaction: a change that rolls back leaves neither its event nor
anything a listener wrote. Lower domains never import the listeners, so imports
keep pointing down.
"""

from collections.abc import Callable

Handler = Callable[[object], None]

_handlers: dict[type, list[Handler]] = {}


def subscribe(*event_types: type) -> Callable[[Handler], Handler]:
    """Register the decorated handler for the events of ``event_types`` (and of
    their subclasses): ``@subscribe(OrderEvent)``. Subscribing twice is one."""
    if not event_types or not all(isinstance(t, type) for t in event_types):
        raise TypeError("subscribe() takes the event types a handler listens to")

    def register(handler: Handler) -> Handler:
        for event_type in event_types:
            handlers = _handlers.setdefault(event_type, [])
            if handler not in handlers:
                handlers.append(handler)
        return handler

    return register


def unsubscribe(event_type: type, handler: Handler) -> None:
    """Forget ``handler`` for ``event_type`` (tests that listened for a while)."""
    handlers = _handlers.get(event_type, [])
    if handler in handlers:
        handlers.remove(handler)


def handlers_of(event: object) -> list[Handler]:
    """The handlers ``event`` reaches, in subscription order per type, the
    event's own type first, then its bases."""
    found: list[Handler] = []
    for event_type in type(event).__mro__:
        for handler in _handlers.get(event_type, ()):
            if handler not in found:
                found.append(handler)
    return found


def publish(event: object) -> None:
    """Hand ``event`` to every listener of its type. Call it inside the
    transaction that wrote the event row; a listener's error rolls the change back."""
    for handler in handlers_of(event):
        handler(event)
