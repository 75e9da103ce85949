"""An order's lines: what the request asks for (item, options, quantity),
the locked items it names, the options it chooses, and the snapshot each line
keeps (item name, chosen options and their prices as at placement).

A line is keyed by its item AND its chosen options: the same item with other
options is another line; the same item with the same options twice is merged.
"""

from collections.abc import Callable, Iterable
from decimal import Decimal

from django.db.models import Exists, OuterRef, QuerySet

from catalogue.models import Option, OptionGroup, Service, ServiceItem
from common.exceptions import DomainError
from common.plans import Plan
from purchases import idempotency

from .models import OrderItem

MAX_LINES = 50
MAX_QUANTITY = 100

# (item id, sorted chosen option ids)
LineKey = tuple[int, tuple[int, ...]]


def merge_lines(lines: Iterable[tuple]) -> dict[LineKey, int]:
    """(item id, quantity[, option ids]) lines -> quantity per item and choice
    of options, a line listed twice counted once with the quantities summed.
    An item's lines together stay within the per-item limit (so a split line
    can never dodge it)."""
    merged: dict[LineKey, int] = {}
    per_item: dict[int, int] = {}
    for item_id, quantity, *rest in lines:
        chosen = list(rest[0]) if rest else []
        key = (item_id, tuple(sorted(chosen)))
        merged[key] = merged.get(key, 0) + quantity
        per_item[item_id] = per_item.get(item_id, 0) + quantity
    if not 1 <= len(merged) <= MAX_LINES:
        raise DomainError(f"An order needs 1 to {MAX_LINES} different items.", field="items")
    for item_id, quantity in per_item.items():
        if quantity > MAX_QUANTITY:
            raise DomainError(
                f"Item {item_id} is ordered {quantity} times in total; "
                f"the most per item is {MAX_QUANTITY}.",
                field="items",
            )
    return merged


def _fingerprint_line(key: LineKey, quantity: int) -> list:
    item_id, chosen = key
    # Without options as before options existed, so keys stored then still match.
    return [item_id, quantity] if not chosen else [[item_id, list(chosen)], quantity]


def request_fingerprint(
    *,
    service_id: int,
    merged: dict[LineKey, int],
    special_instructions: str,
    delivery_address: str,
    pickup_at=None,
    payment_method: str | None = None,
) -> str:
    """A digest of what the request asks for, independent of line order,
    split lines, the order of chosen options or keys the server ignores."""
    return idempotency.request_fingerprint(
        service=service_id,
        items=[_fingerprint_line(key, quantity) for key, quantity in sorted(merged.items())],
        special_instructions=special_instructions,
        delivery_address=delivery_address,
        # Each only when given, so keys stored before pickup times and payments
        # existed still match; the pickup time as an instant, so the same time
        # written with another offset matches.
        **idempotency.given(
            pickup_at=pickup_at.timestamp() if pickup_at is not None else None,
            payment_method=payment_method,
        ),
    )


class _PerCount:
    """A query over a list of item ids, as one plan per number of ids (``item0``,
    ``item1``...), each compiled once per connection; at most ``MAX_LINES``
    ids (``merge_lines``). A placement runs them with the service row locked,
    so building them anew each time would lengthen the queue at a busy stall."""

    def __init__(self, build: Callable[[list[int]], QuerySet]):
        self.build = build
        self.plans: dict[int, Plan] = {}

    def all(self, item_ids: list[int]) -> list:
        count = len(item_ids)
        plan = self.plans.get(count)
        if plan is None:
            names = tuple(f"item{number}" for number in range(count))
            plan = self.plans.setdefault(
                count, Plan(lambda **ids: self.build(list(ids.values())), ids=names)
            )
        return plan.all(**{f"item{number}": pk for number, pk in enumerate(item_ids)})


# The lock of an order's items, in id order. Each row says whether the item
# has option groups, so an order of items without any reads no options.
_ITEM_LOCK = _PerCount(
    lambda ids: (
        ServiceItem.objects.select_for_update(no_key=True, of=("self",))
        .annotate(has_options=Exists(OptionGroup.objects.filter(item_id=OuterRef("pk"))))
        .filter(pk__in=ids)
        .order_by("pk")
    )
)
# The options of an order's items with their groups, in the vendor's order.
_OPTIONS = _PerCount(
    lambda ids: (
        Option.objects.filter(group__item_id__in=ids)
        .select_related("group")
        .order_by("group__position", "group_id", "position", "id")
    )
)


def orderable_items(service: Service, item_ids: Iterable[int]) -> dict[int, ServiceItem]:
    """The items, locked in id order (catalogue.locks), each checked to be
    this service's, offered and available."""
    # Locked like the service: a racing item deletion either waits and then
    # sees the order line (so deactivates the item), or commits first and the
    # item is simply missing here. Unlocked, the line's foreign key would fail
    # at commit, after every check had passed. Option writes lock the item too,
    # so the options read next are the ones of this moment.
    wanted = sorted(set(item_ids))
    locked = _ITEM_LOCK.all(wanted)
    items = {item.pk: item for item in locked}
    for item_id in wanted:
        item = items.get(item_id)
        if item is None or item.service_id != service.pk:
            raise DomainError(f"Item {item_id} does not belong to this service.", field="items")
        if not item.is_active:
            raise DomainError(f"Item {item_id} is no longer offered.", field="items")
        if not item.is_available:
            raise DomainError(
                f"Item {item_id} ({item.name}) is not available right now.", field="items"
            )
    return items


def _groups_of(items: dict[int, ServiceItem], merged: dict[LineKey, int]) -> dict[int, list]:
    """Item id -> [(group, [options])] in the vendor's order, read in one query
    when any item has options or any line chooses some; else nothing is read."""
    if not any(item.has_options for item in items.values()) and not any(
        chosen for _, chosen in merged
    ):
        return {}
    groups: dict[int, dict[int, tuple]] = {}
    options = _OPTIONS.all(sorted(items))
    for option in options:
        item_groups = groups.setdefault(option.group.item_id, {})
        item_groups.setdefault(option.group_id, (option.group, []))[1].append(option)
    return {item_id: list(by_id.values()) for item_id, by_id in groups.items()}


def _chosen_options(item: ServiceItem, chosen: tuple[int, ...], groups: list) -> list[Option]:
    """The chosen options of one line, checked against every group of its item."""
    by_id = {option.pk: option for _, options in groups for option in options}
    label = f"Item {item.pk} ({item.name})"
    if len(set(chosen)) != len(chosen):
        raise DomainError(f"{label}: an option is chosen more than once.", field="items")
    for option_id in chosen:
        if option_id not in by_id:
            raise DomainError(f"{label}: {option_id} is not one of its options.", field="items")
    picked = []
    for group, options in groups:
        mine = [option for option in options if option.pk in chosen]
        if not group.min_choices <= len(mine) <= group.max_choices:
            raise DomainError(
                f"{label}: choose {_how_many(group)} in '{group.name}' ({len(mine)} chosen).",
                field="items",
            )
        for option in mine:
            if not option.is_available:
                raise DomainError(
                    f"{label}: '{option.name}' in '{group.name}' is not available right now.",
                    field="items",
                )
        picked.extend(mine)
    return picked


def _how_many(group: OptionGroup) -> str:
    if group.min_choices == group.max_choices:
        return f"exactly {group.min_choices}"
    return f"{group.min_choices} to {group.max_choices}"


def build_lines(items: dict[int, ServiceItem], merged: dict[LineKey, int]) -> list[OrderItem]:
    """Unsaved lines priced now: the item's price plus its chosen options'
    deltas, with the snapshot each line keeps."""
    groups = _groups_of(items, merged)
    lines = []
    for (item_id, chosen), quantity in sorted(merged.items()):
        item = items[item_id]
        picked = _chosen_options(item, chosen, groups.get(item_id, []))
        unit_price = item.price + sum((o.price_delta for o in picked), Decimal("0.00"))
        lines.append(
            OrderItem(
                service_item=item,
                quantity=quantity,
                item_name=item.name,
                options=[
                    {"group": o.group.name, "name": o.name, "price_delta": str(o.price_delta)}
                    for o in picked
                ],
                options_key=",".join(str(option_id) for option_id in chosen),
                unit_price=unit_price,
                total_price=unit_price * quantity,
            )
        )
    return lines
