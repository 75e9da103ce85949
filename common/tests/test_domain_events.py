"""Typed subscriptions: a handler hears the event types it names, no others."""

from dataclasses import dataclass

import pytest

from common import domain_events


@dataclass
class Placed:
    n: int


@dataclass
class Cancelled:
    n: int


class CancelledByOperator(Cancelled):
    pass


def test_a_handler_hears_only_the_types_it_subscribed_to_and_their_subclasses():
    heard = []
    handler = domain_events.subscribe(Cancelled)(heard.append)
    try:
        domain_events.publish(Placed(1))
        domain_events.publish(Cancelled(2))
        domain_events.publish(CancelledByOperator(3))
    finally:
        domain_events.unsubscribe(Cancelled, handler)
    assert heard == [Cancelled(2), CancelledByOperator(3)]
    domain_events.publish(Cancelled(4))
    assert len(heard) == 2


def test_subscribing_twice_or_to_two_types_runs_the_handler_once_per_event():
    heard = []
    handler = domain_events.subscribe(Cancelled, CancelledByOperator)(heard.append)
    domain_events.subscribe(Cancelled)(handler)
    try:
        domain_events.publish(CancelledByOperator(1))
    finally:
        domain_events.unsubscribe(Cancelled, handler)
        domain_events.unsubscribe(CancelledByOperator, handler)
    assert heard == [CancelledByOperator(1)]


def test_subscribe_needs_an_event_type():
    with pytest.raises(TypeError):
        domain_events.subscribe(print)
    with pytest.raises(TypeError):
        domain_events.subscribe()
