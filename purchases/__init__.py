"""The purchase core: what an order and a booking have in common.

Both are a customer buying from a service's vendor. Everything they share is
written here once and each domain declares what differs (its model, statuses,
transition table): the ``Idempotency-Key`` of a create, who may move a
purchase to which status, who sees which purchases, the history each change
writes, the lock order, the operator's cancel, and where payments attach.
Orders and bookings sit above this package; payments sit below it and hear
of a cancel through the event it records, so nothing here imports a payment
provider.
"""
