"""Catalogue reads: who sees which services and profiles, with their joins.

List, detail, item and admin views all start from these querysets, so the
visibility rules and the query count are decided once.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import connections
from django.db.models import (
    BooleanField,
    DecimalField,
    F,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
)
from django.db.models.expressions import RawSQL

from catalogue.models import OptionGroup, Service, ServiceItem, VendorProfile
from catalogue.search import query_words, search_sql, word_matches, words_of
from schedule.selectors import with_calendar
from users.models import User


def verification_required() -> bool:
    """``REQUIRE_VENDOR_VERIFICATION``, read at each call: tests and operators
    may change it while processes run, so nothing caches it but keys that
    name its value (``catalogue.public_rows``, ``api.caching``)."""
    return bool(settings.REQUIRE_VENDOR_VERIFICATION)


# Why the public may not see a vendor, as lookups from the vendor user: any
# one of them hides them. The one definition of the rule; the queries
# (``hidden_vendor_q``, ``public_vendor_q``) and the check in memory
# (``vendor_hidden_reason``) are all made from it, so a rule added here
# reaches every public read, the raw rows (``catalogue.public_rows``) too.
HIDDEN_BECAUSE = {
    # Their account or their profile is deactivated (by an admin).
    "suspended": ({"is_active": False}, {"vendor_profile__is_active": False}),
    # While REQUIRE_VENDOR_VERIFICATION is on: no profile, or not verified.
    "unverified": ({"vendor_profile__isnull": True}, {"vendor_profile__is_verified": False}),
}


def _hidden_because() -> dict[str, tuple[dict, ...]]:
    """``HIDDEN_BECAUSE`` as it applies now."""
    if verification_required():
        return HIDDEN_BECAUSE
    return {"suspended": HIDDEN_BECAUSE["suspended"]}


def _any_of(lookups, vendor: str = "") -> Q:
    prefix = f"{vendor}__" if vendor else ""
    found = Q()
    for lookup in lookups:
        found |= Q(**{f"{prefix}{name}": value for name, value in lookup.items()})
    return found


def hidden_vendor_q(vendor: str = "vendor") -> Q:
    """The contract's *hidden vendor* (``HIDDEN_BECAUSE``): suspended or,
    while ``REQUIRE_VENDOR_VERIFICATION`` is on, not verified (a vendor without
    a profile is not verified). ``vendor`` is the lookup path from the queried
    model to the vendor user (``"vendor"`` on Service, ``"service__vendor"``
    on Review); the condition joins the vendor's account and profile."""
    hidden = Q()
    for lookups in _hidden_because().values():
        hidden |= _any_of(lookups, vendor)
    return hidden


def public_vendor_q(vendor: str = "vendor") -> Q:
    """``~hidden_vendor_q`` said of the ``vendor`` column alone, so that a
    count or a search of services reads no other table: the vendor is not
    among the few accounts each lookup hides (each read from a partial or
    small index, all once per statement, as one set). Once verification is
    required most users are hidden (every student has no profile), so the
    vendor is named among the shown ones instead: verified vendors are few."""
    if verification_required():
        shown = User.objects.exclude(hidden_vendor_q("")).values("pk")
        return Q(**{f"{vendor}__in": shown})
    reasons = _hidden_because().values()
    hidden = [_vendors_where(lookup) for lookups in reasons for lookup in lookups]
    return ~Q(**{f"{vendor}__in": hidden[0].union(*hidden[1:], all=True)})


def _vendors_where(lookup: dict) -> QuerySet:
    """The ids of the users ``lookup`` holds for; a lookup on the profile
    alone reads the profile table alone (no join to plan)."""
    profile = "vendor_profile__"
    on_profile = {name.removeprefix(profile): value for name, value in lookup.items()}
    fields = {field.name for field in VendorProfile._meta.concrete_fields}
    if all(name.startswith(profile) for name in lookup) and on_profile.keys() <= fields:
        return VendorProfile.objects.filter(**on_profile).order_by().values("user")
    return User.objects.filter(**lookup).order_by().values("pk")


def _holds(user, lookup: str, value) -> bool:
    """One ``HIDDEN_BECAUSE`` lookup, in memory; a missing profile is None,
    as the query's outer join has it."""
    *path, last = lookup.split("__")
    if last != "isnull":
        path, last = [*path, last], None
    current = user
    for name in path:
        current = getattr(current, name, None)  # a missing one-to-one raises AttributeError
        if current is None:
            break
    if last == "isnull":
        return (current is None) == value
    return current is not None and current == value


def vendor_hidden_reason(vendor) -> str | None:
    """``hidden_vendor_q`` for a vendor user read with its profile
    (``select_related("vendor__vendor_profile")``), in memory: the first
    reason of ``HIDDEN_BECAUSE`` that holds (``"suspended"``,
    ``"unverified"``), or None when the public may see them."""
    for reason, lookups in _hidden_because().items():
        for lookup in lookups:
            if all(_holds(vendor, name, value) for name, value in lookup.items()):
                return reason
    return None


def vendor_is_hidden(vendor) -> bool:
    """``hidden_vendor_q`` in memory (``vendor_hidden_reason``)."""
    return vendor_hidden_reason(vendor) is not None


def public_service_q(service: str = "") -> Q:
    """A service the public may see: not deleted, and its vendor not hidden
    (``public_vendor_q``: a condition on the service row alone, which the raw
    rows of ``catalogue.public_rows`` compile into their SQL). ``service`` is
    the lookup path to the service (``""`` on Service itself)."""
    prefix = f"{service}__" if service else ""
    return Q(**{f"{prefix}is_active": True}) & public_vendor_q(f"{prefix}vendor")


def public_profile_q() -> Q:
    """The same rule seen from the profile: it and its vendor's account
    active, and verified while verification is required."""
    visible = Q(is_active=True, user__is_active=True)
    if verification_required():
        visible &= Q(is_verified=True)
    return visible


def visible_services() -> QuerySet[Service]:
    """Every service the public may see, whoever asks."""
    return _services().filter(public_service_q())


def _services() -> QuerySet[Service]:
    return Service.objects.select_related("vendor", "vendor__vendor_profile")


# A listed service's cheapest available item price, read with the row.
LOWEST_ITEM_PRICE = "lowest_item_price"


def lowest_item_price_sql(connection, outer: str) -> str:
    """The cheapest price among the service's active, available items (NULL
    when it has none), as a correlated subquery on the items' ``service``
    index; ``outer`` is the SQL of the service id. Shared by the querysets
    (``with_listing``) and the public rows (``catalogue.public_rows``)."""
    quote = connection.ops.quote_name
    column = {field.name: quote(field.column) for field in ServiceItem._meta.concrete_fields}
    return (
        f"(SELECT MIN({column['price']}) FROM {quote(ServiceItem._meta.db_table)} "  # noqa: S608
        f"WHERE {column['service']} = {outer} AND {column['is_active']} "
        f"AND {column['is_available']})"
    )


def with_listing(services: QuerySet[Service]) -> QuerySet[Service]:
    """Read what a listed service shows beside its own columns with the rows
    themselves: weekly periods and current closures (``open_now``,
    ``next_opening``) and its cheapest available item (``from_price``), so
    none of them costs a query."""
    connection = connections[services.db]
    quote = connection.ops.quote_name
    outer = f"{quote(Service._meta.db_table)}.{quote(Service._meta.pk.column)}"
    price = RawSQL(  # noqa: S611 - quoted model names only
        lowest_item_price_sql(connection, outer),
        [],
        output_field=DecimalField(max_digits=10, decimal_places=2),
    )
    return with_calendar(services).annotate(**{LOWEST_ITEM_PRICE: price})


def lists_public_services(user) -> bool:
    """``service_list_for(user)`` is the public list: everyone but vendors."""
    return not (user.is_authenticated and user.is_vendor)


def sees_only_public_services(user) -> bool:
    """``service_visible_to(user)`` is the public rule alone: anonymous
    visitors and students (vendors also open their own, admins everything)."""
    return not (user.is_authenticated and (user.is_vendor or user.is_admin_type))


def service_list_for(user) -> QuerySet[Service]:
    """The service list as ``user`` sees it: a vendor their own services
    (hidden or not, so they know what a ban took down), everyone else the
    public ones. Deleted ones never show."""
    if user.is_authenticated and user.is_vendor:
        return with_listing(_services()).filter(is_active=True, vendor=user)
    return with_listing(visible_services())


def service_visible_to(user) -> QuerySet[Service]:
    """Services ``user`` may open one by one.

    Public services for everyone; a vendor also their own hidden ones (a
    deactivated profile); an admin everything, deleted ones included.
    """
    services = _services()
    if user.is_authenticated and user.is_admin_type:
        return services
    visible = public_service_q()
    if user.is_authenticated and user.is_vendor:
        visible |= Q(is_active=True, vendor=user)
    return services.filter(visible)


def load_active_items(service: Service) -> Service:
    """Give one service its ``active_items`` with a plain query (the prefetch
    machinery cost a profiled detail more than the query itself)."""
    service.active_items = list(service_items(service))
    return service


# An item's option groups with their options, in the vendor's order: two
# queries for any number of items.
OPTION_GROUPS = Prefetch("option_groups", queryset=OptionGroup.objects.prefetch_related("options"))


def option_groups_by_item(item_ids: list[int]) -> dict[int, list[OptionGroup]]:
    """Item id -> its option groups (options prefetched); items without any are absent."""
    groups: dict[int, list[OptionGroup]] = {}
    if item_ids:
        for group in OptionGroup.objects.filter(item_id__in=item_ids).prefetch_related("options"):
            groups.setdefault(group.item_id, []).append(group)
    return groups


def service_order(ordering: Iterable[tuple[str, bool]] = ()) -> list:
    """The sort of a service list: each ``(field, descending)`` of
    ``?ordering=`` with services lacking a value last both ways, then newest
    first (the model's order, which also breaks their ties)."""
    order = [
        F(field).desc(nulls_last=True) if descending else F(field).asc(nulls_last=True)
        for field, descending in ordering
    ]
    return [*order, *Service._meta.ordering]


def service_search(queryset: QuerySet[Service], text: str) -> QuerySet[Service]:
    """Services matching every word of ``text`` (``catalogue.search``), most
    relevant first, then newest (an explicit ``?ordering=`` sorts afterwards)."""
    table = connections[queryset.db].ops.quote_name(Service._meta.db_table)
    found = search_sql(text, using=queryset.db, service=table)
    if found is None:
        return queryset
    # Both SQL texts come from catalogue.search; the query's words are parameters.
    matches = RawSQL(found.where, found.where_params, output_field=BooleanField())  # noqa: S611
    score = RawSQL(found.score, found.score_params, output_field=IntegerField())  # noqa: S611
    return (
        queryset.filter(matches)
        .alias(search_score=score)
        .order_by("-search_score", *Service._meta.ordering)
    )


def matched_items(service_ids: list[int], text: str) -> dict[int, list[dict]]:
    """Per service id, its available items a search for ``text`` matched by
    name or description (``{id, name, price}``, in the items' order), so an
    answer can say what was found ("Croissant · 3.00 at Coffee Cart"). One
    query for a page, matched in Python by ``catalogue.search``'s word rule."""
    words = [part for word in query_words(text) for part in words_of(word)]
    found: dict[int, list[dict]] = {pk: [] for pk in service_ids}
    if not words or not service_ids:
        return found
    items = ServiceItem.objects.filter(
        service_id__in=service_ids, is_active=True, is_available=True
    ).values_list("id", "service_id", "name", "description", "price")
    for pk, service_id, name, description, price in items:
        text_words = words_of(f"{name} {description}")
        if any(word_matches(word, text_words) for word in words):
            found[service_id].append({"id": pk, "name": name, "price": f"{price:.2f}"})
    return found


def listed_items() -> QuerySet[ServiceItem]:
    """Items a service lists (not deleted), of any service: the rule of
    ``service_items``, which the raw rows compile too (``catalogue.public_rows``)."""
    return ServiceItem.objects.filter(is_active=True)


def service_items(service: Service) -> QuerySet[ServiceItem]:
    return listed_items().filter(service=service).prefetch_related(OPTION_GROUPS)


def vendor_profile_list() -> QuerySet[VendorProfile]:
    """Profiles of vendors who are not hidden, for everyone."""
    return VendorProfile.objects.filter(public_profile_q())


def vendor_profile_visible_to(user) -> QuerySet[VendorProfile]:
    """Profiles ``user`` may open: public ones, their own, or any for an admin."""
    if user.is_authenticated and user.is_admin_type:
        return VendorProfile.objects.all()
    visible = public_profile_q()
    if user.is_authenticated:
        visible |= Q(user=user)
    return VendorProfile.objects.filter(visible)
