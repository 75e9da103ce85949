"""Catalogue reads: who sees which services and profiles, with their joins.

List, detail, item and admin views all start from these querysets, so the
visibility rules and the query count are decided once.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connections
from django.db.models import Prefetch, Q, QuerySet
from django.db.models.expressions import RawSQL

from catalogue.models import Service, ServiceItem, VendorProfile

# On PostgreSQL migration 0003 adds a stored, GIN-indexed tsvector column
# (english configuration) that the model does not declare; change both together.
SEARCH_CONFIG = "english"
SEARCH_DOCUMENT = RawSQL(
    '"catalogue_service"."search_document"', [], output_field=SearchVectorField()
)
SEARCH_MAX_WORDS = 8
_WORD = re.compile(r"\w+")

# A vendor is "active" when their account is and their profile (if any) is.
ACTIVE_VENDOR = Q(vendor__is_active=True) & (
    Q(vendor__vendor_profile__isnull=True) | Q(vendor__vendor_profile__is_active=True)
)


def _services() -> QuerySet[Service]:
    return Service.objects.select_related("vendor", "vendor__vendor_profile")


def service_list_for(user) -> QuerySet[Service]:
    """The service list as ``user`` sees it: a vendor their own services,
    everyone else the services of active vendors. Deleted ones never show."""
    services = _services().filter(is_active=True)
    if user.is_authenticated and user.is_vendor:
        return services.filter(vendor=user)
    return services.filter(ACTIVE_VENDOR)


def service_visible_to(user) -> QuerySet[Service]:
    """Services ``user`` may open one by one.

    Public services for everyone; a vendor also their own hidden ones (a
    deactivated profile); an admin everything, deleted ones included.
    """
    services = _services()
    if user.is_authenticated and user.is_admin_type:
        return services
    visible = Q(is_active=True) & ACTIVE_VENDOR
    if user.is_authenticated and user.is_vendor:
        visible |= Q(is_active=True, vendor=user)
    return services.filter(visible)


def with_active_items(services: QuerySet[Service]) -> QuerySet[Service]:
    """Prefetch each service's active items as ``active_items`` (for the detail)."""
    return services.prefetch_related(
        Prefetch(
            "items", queryset=ServiceItem.objects.filter(is_active=True), to_attr="active_items"
        )
    )


def service_search(queryset: QuerySet[Service], text: str) -> QuerySet[Service]:
    """Services whose name, description or location match every word of ``text``.

    PostgreSQL: full-text search with prefix matching of each typed word
    (``piz`` finds "Pizza"), served by a GIN index. Other databases: a
    case-insensitive substring match of each word.
    """
    words = _WORD.findall(text)[:SEARCH_MAX_WORDS]
    if not words:
        return queryset
    if connections[queryset.db].vendor == "postgresql":
        query = SearchQuery(
            " & ".join(f"{word}:*" for word in words), search_type="raw", config=SEARCH_CONFIG
        )
        return queryset.alias(search_document=SEARCH_DOCUMENT).filter(search_document=query)
    for word in words:
        queryset = queryset.filter(
            Q(service_name__icontains=word)
            | Q(description__icontains=word)
            | Q(location__icontains=word)
        )
    return queryset


def service_items(service: Service) -> QuerySet[ServiceItem]:
    return ServiceItem.objects.filter(service=service, is_active=True)


def vendor_profile_list() -> QuerySet[VendorProfile]:
    """Profiles of active vendors, for everyone."""
    return VendorProfile.objects.filter(is_active=True, user__is_active=True)


def vendor_profile_visible_to(user) -> QuerySet[VendorProfile]:
    """Profiles ``user`` may open: active ones, their own, or any for an admin."""
    if user.is_authenticated and user.is_admin_type:
        return VendorProfile.objects.all()
    visible = Q(is_active=True, user__is_active=True)
    if user.is_authenticated:
        visible |= Q(user=user)
    return VendorProfile.objects.filter(visible)
