"""The one lock order of every path that touches a service, its slot
counters, its items' stock, a purchase and its payment::

    service row -> slot counter / item stock rows -> the purchase row -> its payment row

A path takes only what it needs, never an earlier lock after a later one.
Placing an order or making a booking locks the service
(``catalogue.locks.lock_service``), takes its slot counter (``schedule``'s
conditional UPDATE), locks its items and takes their stock
(``orders.lines``, ``orders.stock``), inserts the purchase, then opens its
payment. A cancel frees a slot place or stock, so it locks the service
before its own row (``lock_purchase(cancelling=True)``) and only then
writes the counters and, through payments, the payment row. A payment event
that may end in a cancel (``PaymentSettling``) takes the same locks first,
through ``lock_purchase`` too. Other moves lock the purchase row alone.
"""

from catalogue.locks import lock_service

from .kinds import PurchaseKind


def lock_purchase(kind: PurchaseKind, purchase_id: int, *, cancelling: bool = False):
    """The purchase row, locked until the transaction ends, so two racing
    changes are applied one after the other against the status each really
    sees; ``DoesNotExist`` when it is gone.

    ``cancelling``: its service is locked first, so a cancel and a placement
    of the same service queue on the service row instead of each holding
    what the other needs next."""
    rows = kind.model.objects
    if cancelling:
        service_id = rows.filter(pk=purchase_id).values_list("service_id", flat=True).first()
        if service_id is not None:
            lock_service(service_id)
    return rows.select_for_update(of=("self",)).select_related("service").get(pk=purchase_id)
