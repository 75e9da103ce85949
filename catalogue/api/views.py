"""The catalogue's view sets, one module per resource: vendor profiles,
services, items. This module gathers them for the URL configuration (and for
code that imports them from here)."""

from .base import ID_REGEX, IsOwner, errors
from .caching import AnonymousCacheMixin
from .item_views import ServiceItemViewSet
from .service_views import ServiceViewSet
from .vendor_profile_views import VendorProfileViewSet

__all__ = [
    "ID_REGEX",
    "AnonymousCacheMixin",
    "IsOwner",
    "ServiceItemViewSet",
    "ServiceViewSet",
    "VendorProfileViewSet",
    "errors",
]
