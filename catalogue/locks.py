"""Row locks on catalogue rows, named once for every domain that takes them.

Each helper takes ``SELECT ... FOR NO KEY UPDATE`` on one row (``of=("self",)``:
the joined vendor row is read, not locked) and must run inside a transaction;
the lock lasts until it ends. On SQLite they are plain reads, which is enough
there because SQLite runs one write transaction at a time.

Why NO KEY UPDATE: a row that refers to the service or item (a notification,
an event, an order line) takes ``FOR KEY SHARE`` on it, which ``FOR UPDATE``
blocks but ``FOR NO KEY UPDATE`` does not. With ``FOR UPDATE`` a placement
holding the service and waiting for a slot counter, and a cancel holding that
counter and inserting its notification, waited on each other (a deadlock).
NO KEY UPDATE still orders the writers below against each other, and a
delete (``FOR UPDATE``, ``lock_current``) against all of them.

The lock order, one for every path::

    service -> its slot counters -> its items (their stock) -> the order or booking -> a payment

A path takes only what it needs, never an earlier lock after a later one;
a cancel (order or booking) takes the service first and then its own row
(``purchases.locks.lock_purchase(cancelling=True)``, where this order is
written for purchases), so every writer of a slot counter or a stock count
queues on the service row. docs/ARCHITECTURE.md has the table of which path
takes which locks.

What each lock orders against what:

``lock_service``
    * ``orders.services.order_create`` against ``catalogue.services.service_delete``:
      a placement waits for a racing delete and then finds the service gone
      (or sees it deactivated); a delete waits for a racing placement and then
      sees its order, so it deactivates the service instead of destroying it.
    * placements, bookings and cancels of one service against each other
      (slot counters and stock, above).
    * ``reviews.services`` writes against each other: every review write of one
      service queues on its row, so each rating recomputation sees every review
      committed before it and no rating update is lost.
    * Bookings take the same lock to order a booking against a delete.

``lock_item``
    * ``catalogue.services.service_item_delete`` against orders and bookings
      that reference the item: the delete decides between destroying and
      deactivating on the locked row.
    * ``catalogue.options`` writes against placements: an order reads an
      item's option groups all before or all after a change.
    * (``orders.lines.orderable_items`` locks an order's items the same way,
      in id order, and takes their stock on the locked rows.)
"""

from collections.abc import Callable, Mapping
from datetime import date

from django.db.models import Expression, Model, QuerySet

from common.plans import Plan
from schedule.selectors import calendar_since
from schedule.selectors import with_calendar as with_calendar_rows

from .models import Service, ServiceItem
from .selectors import vendor_hidden_reason


def _locked_services(
    *, with_vendor: bool = False, with_calendar: bool = False, since: date | None = None
) -> QuerySet[Service]:
    """Services read with ``SELECT ... FOR UPDATE`` of their own rows: the
    query of ``lock_service`` before its filter, for a ``ServiceLock`` that
    reads more with it."""
    services = Service.objects.select_for_update(of=("self",), no_key=True)
    if with_vendor:
        services = services.select_related("vendor__vendor_profile")
    if with_calendar:
        services = with_calendar_rows(services, since=since)
    return services


class ServiceLock:
    """``lock_service`` of one shape, compiled once per connection
    (``common.plans``): a placement or a review pays for running the lock,
    not for building it (docs/BENCHMARKS.md: building and compiling a
    review's lock took 1.8-2.0 ms, running it 0.5 ms). ``annotate(**values)``
    adds what the caller reads with the row (e.g.
    ``reviews.selectors.completed_purchase``), each value an id named in
    ``ids``."""

    def __init__(
        self,
        *,
        with_vendor: bool = False,
        with_calendar: bool = False,
        annotate: Callable[..., Mapping[str, Expression]] | None = None,
        ids: tuple[str, ...] = (),
    ):
        self.with_vendor = with_vendor
        self.with_calendar = with_calendar

        def build(service, since=None, **values):
            services = _locked_services(
                with_vendor=with_vendor, with_calendar=with_calendar, since=since
            )
            if annotate is not None:
                services = services.annotate(**annotate(**values))
            # No ordering: one row, and the model's ordering would only cost a sort.
            return services.filter(pk=service).order_by()

        self.plan = Plan(build, ids=("service", *ids), dates=("since",) if with_calendar else ())

    def __call__(self, service_id: int, **values) -> Service | None:
        """The service row, locked; None if it no longer exists."""
        if self.with_calendar:
            values["since"] = calendar_since()
        service = self.plan.first(service=service_id, **values)
        if service is not None and self.with_vendor:
            service.vendor_hidden = vendor_hidden_reason(service.vendor)
        return service


_SERVICE_LOCKS = {
    (with_vendor, with_calendar): ServiceLock(with_vendor=with_vendor, with_calendar=with_calendar)
    for with_vendor in (False, True)
    for with_calendar in (False, True)
}


def lock_service(
    service_id: int, *, with_vendor: bool = False, with_calendar: bool = False
) -> Service | None:
    """The service row, locked; None if it no longer exists.

    The same query can read what a customer's write checks next (read, not
    locked): ``with_vendor`` the vendor, their profile and ``vendor_hidden``
    (``ensure_service_open_to_customers`` then needs no query of its own);
    ``with_calendar`` the weekly periods and current closures
    (``schedule.selectors.with_calendar``). Anything else read with the row:
    a ``ServiceLock`` of its own.
    """
    return _SERVICE_LOCKS[with_vendor, with_calendar](service_id)


def lock_item(item_id: int) -> ServiceItem | None:
    """The item row, locked; None if it no longer exists."""
    return (
        ServiceItem.objects.select_for_update(of=("self",), no_key=True).filter(pk=item_id).first()
    )


def lock_current(instance: Model) -> Model | None:
    """``instance``'s row (a profile, service or item) as committed now, locked;
    None if it no longer exists.

    Owner writes start from it, not from the copy the view read earlier: two
    racing image replacements then run one after the other, each deleting the
    file the other stored (so exactly the file the row points at stays on
    disk), and a full save never writes back stale columns such as a rating.

    An item's service is locked first: writing or deleting an item rewrites
    its service's search document (PostgreSQL triggers), and taking the
    service after the item would invert the one lock order a placement
    follows (service, then items), deadlocking the two.
    """
    if isinstance(instance, ServiceItem):
        lock_service(instance.service_id)
    return type(instance).objects.select_for_update(of=("self",)).filter(pk=instance.pk).first()
