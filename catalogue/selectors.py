"""Catalogue reads: who sees which services and profiles, with their joins.

List, detail, item and admin views all start from these querysets, so the
visibility rules and the query count are decided once.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connections
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from catalogue.models import OptionGroup, Service, ServiceItem, VendorProfile
from schedule.selectors import with_calendar

# On PostgreSQL migration 0003 adds a stored, GIN-indexed tsvector column
# (english configuration) that the model does not declare; change both together.
SEARCH_CONFIG = "english"
SEARCH_DOCUMENT = RawSQL(
    '"catalogue_service"."search_document"', [], output_field=SearchVectorField()
)
SEARCH_MAX_WORDS = 8
_WORD = re.compile(r"\w+")


def hidden_vendor_q(vendor: str = "vendor") -> Q:
    """The contract's *hidden vendor*: their account or their profile is
    deactivated. ``vendor`` is the lookup path from the queried model to the
    vendor user (``"vendor"`` on Service, ``"service__vendor"`` on Review).

    The one definition every public read and every customer write uses; a
    vendor who never created a profile is not hidden by that alone.
    """
    return Q(**{f"{vendor}__is_active": False}) | Q(
        **{f"{vendor}__vendor_profile__is_active": False}
    )


def vendor_is_hidden(vendor) -> bool:
    """``hidden_vendor_q`` for a vendor user read with its profile
    (``select_related("vendor__vendor_profile")``): the same rule, in memory."""
    profile = getattr(vendor, "vendor_profile", None)
    return not vendor.is_active or (profile is not None and not profile.is_active)


def public_service_q(service: str = "") -> Q:
    """A service the public may see: not deleted, and its vendor not hidden.
    ``service`` is the lookup path to the service (``""`` on Service itself)."""
    prefix = f"{service}__" if service else ""
    return Q(**{f"{prefix}is_active": True}) & ~hidden_vendor_q(f"{prefix}vendor")


# The same rule seen from the profile: it and its vendor's account active.
PUBLIC_PROFILE = Q(is_active=True, user__is_active=True)


def visible_services() -> QuerySet[Service]:
    """Every service the public may see, whoever asks."""
    return _services().filter(public_service_q())


def _services() -> QuerySet[Service]:
    return Service.objects.select_related("vendor", "vendor__vendor_profile")


def with_schedule(services: QuerySet[Service]) -> QuerySet[Service]:
    """Read weekly periods and current closures with the rows themselves, so
    ``open_now`` and ``next_opening`` cost no query at all."""
    return with_calendar(services)


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
        return with_schedule(_services()).filter(is_active=True, vendor=user)
    return with_schedule(visible_services())


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


def service_search(queryset: QuerySet[Service], text: str) -> QuerySet[Service]:
    """Services whose name, description or location match every word of ``text``.

    PostgreSQL: full-text search with prefix matching of each typed word
    (``piz`` finds "Pizza"), served by a GIN index. Other databases: a
    case-insensitive substring match of each word.
    """
    words = search_words(text)
    if not words:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        query = SearchQuery(prefix_query(words), search_type="raw", config=SEARCH_CONFIG)
        return queryset.alias(search_document=SEARCH_DOCUMENT).filter(search_document=query)
    for word in words:
        queryset = queryset.filter(
            Q(service_name__icontains=word)
            | Q(description__icontains=word)
            | Q(location__icontains=word)
        )
    return queryset


def search_words(text: str) -> list[str]:
    """The words of a search, as many as are matched."""
    return _WORD.findall(text)[:SEARCH_MAX_WORDS]


def prefix_query(words: list[str]) -> str:
    """PostgreSQL's raw tsquery matching every word as a prefix."""
    return " & ".join(f"{word}:*" for word in words)


def service_items(service: Service) -> QuerySet[ServiceItem]:
    return ServiceItem.objects.filter(service=service, is_active=True).prefetch_related(
        OPTION_GROUPS
    )


def vendor_profile_list() -> QuerySet[VendorProfile]:
    """Profiles of vendors who are not hidden, for everyone."""
    return VendorProfile.objects.filter(PUBLIC_PROFILE)


def vendor_profile_visible_to(user) -> QuerySet[VendorProfile]:
    """Profiles ``user`` may open: public ones, their own, or any for an admin."""
    if user.is_authenticated and user.is_admin_type:
        return VendorProfile.objects.all()
    visible = PUBLIC_PROFILE
    if user.is_authenticated:
        visible |= Q(user=user)
    return VendorProfile.objects.filter(visible)
