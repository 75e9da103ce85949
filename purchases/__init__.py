"""The purchase core: what an order and a booking have in common.

Both are a customer buying from a service's vendor. Everything they share is
written here once and each domain declares what differs (its model, statuses,
transition table): the ``Idempotency-Key`` of a create, who may move a
purchase to which status, who sees which purchases, the history each change
writes, the lock order, the operator's cancel, and where payments attach.
Orders, bookings and payments sit above this package; payments hears of a
cancel or completion through the events it publishes
(``purchases.history``), so nothing here imports payments.
"""
