"""Option groups of an item (a size, extras): their rules and writes.

Every write locks the item row first (``catalogue.locks.lock_item``), the
lock a placement holds on the items it orders: a placement either reads the
groups as they were before the change or after it, never half of one. Order
lines copy what was chosen (``orders.options``), so no write here alters a
placed order.
"""

from django.db import IntegrityError, transaction

from catalogue.locks import lock_item
from catalogue.models import Option, OptionGroup, ServiceItem
from common.exceptions import DomainError, NotFound
from common.public_cache import invalidate_catalogue

MAX_GROUPS = 10
MAX_OPTIONS = 30
DUPLICATE_GROUP = "This item already has an option group with this name."


def validate_group(*, name: str, min_choices: int, max_choices: int, options: list[dict]) -> None:
    """The rules of one group and its options, or a DomainError naming the field."""
    if not 1 <= len(options) <= MAX_OPTIONS:
        raise DomainError(f"A group has 1 to {MAX_OPTIONS} options.", field="options")
    names = [option["name"] for option in options]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise DomainError(
            f"Option names must be unique within the group: {', '.join(duplicates)}.",
            field="options",
        )
    if max_choices < 1:
        raise DomainError("max_choices must be at least 1.", field="max_choices")
    if max_choices > len(options):
        raise DomainError(
            f"max_choices ({max_choices}) is more than the group's {len(options)} options.",
            field="max_choices",
        )
    if not 0 <= min_choices <= max_choices:
        raise DomainError(
            f"min_choices must be 0 to max_choices ({max_choices}).", field="min_choices"
        )


def _locked_item(item: ServiceItem) -> ServiceItem:
    locked = lock_item(item.pk)
    if locked is None:  # deleted by a racing request
        raise NotFound("Not found.")
    return locked


def _option_rows(group: OptionGroup, options: list[dict]) -> list[Option]:
    return [
        Option(
            group=group,
            name=option["name"],
            price_delta=option.get("price_delta", 0),
            is_available=option.get("is_available", True),
            position=position,
        )
        for position, option in enumerate(options)
    ]


def _saved(group: OptionGroup) -> OptionGroup:
    try:
        with transaction.atomic():
            group.save()
    except IntegrityError as exc:  # the name, taken by a racing request
        raise DomainError(DUPLICATE_GROUP, field="name") from exc
    return group


def _check_group_name_free(item: ServiceItem, name: str, *, exclude_pk=None) -> None:
    taken = OptionGroup.objects.filter(item=item, name=name)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise DomainError(DUPLICATE_GROUP, field="name")


@transaction.atomic
def option_group_create(
    *, item: ServiceItem, name: str, min_choices: int, max_choices: int, options: list[dict]
) -> OptionGroup:
    """Add a group with its options, last in the item's order."""
    validate_group(name=name, min_choices=min_choices, max_choices=max_choices, options=options)
    item = _locked_item(item)
    positions = list(item.option_groups.values_list("position", flat=True))
    if len(positions) >= MAX_GROUPS:
        raise DomainError(f"An item has at most {MAX_GROUPS} option groups.", field="name")
    _check_group_name_free(item, name)
    group = _saved(
        OptionGroup(
            item=item,
            name=name,
            min_choices=min_choices,
            max_choices=max_choices,
            position=max(positions, default=-1) + 1,
        )
    )
    Option.objects.bulk_create(_option_rows(group, options))
    invalidate_catalogue()
    return group


def _move_group(group: OptionGroup, position: int) -> None:
    """Put the group at ``position`` (0-based) among its item's groups and
    number them all again from 0, so the order has no gaps or ties."""
    others = list(OptionGroup.objects.filter(item_id=group.item_id).exclude(pk=group.pk))
    if position > len(others):
        raise DomainError(
            f"position must be 0 to {len(others)} (the item has {len(others) + 1} groups).",
            field="position",
        )
    others.insert(position, group)
    for index, each in enumerate(others):
        each.position = index
    OptionGroup.objects.bulk_update(others, ["position"])


@transaction.atomic
def option_group_replace(
    *,
    group: OptionGroup,
    name: str,
    min_choices: int,
    max_choices: int,
    options: list[dict],
    position: int | None = None,
) -> OptionGroup:
    """Replace a group and its options; an option whose name is unchanged
    keeps its id (a client's saved choice of it stays valid). With a
    ``position`` the group also moves to that place in the item's order."""
    validate_group(name=name, min_choices=min_choices, max_choices=max_choices, options=options)
    _locked_item(group.item)
    group = OptionGroup.objects.filter(pk=group.pk).first()
    if group is None:
        raise NotFound("Not found.")
    _check_group_name_free(group.item, name, exclude_pk=group.pk)
    group.name, group.min_choices, group.max_choices = name, min_choices, max_choices
    _saved(group)
    if position is not None:
        _move_group(group, position)
    existing = {option.name: option for option in group.options.all()}
    wanted = _option_rows(group, options)
    Option.objects.filter(group=group).exclude(name__in=[o.name for o in wanted]).delete()
    kept, new = [], []
    for option in wanted:
        old = existing.get(option.name)
        if old is None:
            new.append(option)
        else:
            option.pk = old.pk
            kept.append(option)
    Option.objects.bulk_update(kept, ["price_delta", "is_available", "position"])
    Option.objects.bulk_create(new)
    invalidate_catalogue()
    return group


@transaction.atomic
def option_group_delete(*, group: OptionGroup) -> None:
    _locked_item(group.item)
    OptionGroup.objects.filter(pk=group.pk).delete()
    invalidate_catalogue()
