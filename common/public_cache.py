"""Versioned cache of public catalogue reads.

It lives in ``common`` because writers in several domains make the public
catalogue stale: catalogue services, review ratings, an admin deactivating a
vendor's account (users). Each calls ``invalidate_catalogue`` without
importing the catalogue.

Every cached catalogue response is keyed by the current catalogue version;
any write that changes what the public sees (a service, an item, a vendor
profile, a review's effect on a rating) bumps the version after its
transaction commits, so stale entries are never read again and simply expire.
With REDIS_URL set the version lives in Redis, so every app server agrees.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "catalogue:version"


def catalogue_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def catalogue_cache_key(path_with_query: str) -> str:
    # Hashed: a URL can be longer than cache backends allow for a key.
    digest = hashlib.sha256(path_with_query.encode()).hexdigest()
    return f"catalogue:v{catalogue_version()}:{digest}"


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # the key expired or was never set
        cache.set(VERSION_KEY, 2, timeout=None)


def invalidate_catalogue() -> None:
    """Make every cached catalogue read stale, once the current transaction commits."""
    transaction.on_commit(_bump)


def cache_seconds() -> int:
    return settings.CATALOGUE_CACHE_SECONDS
