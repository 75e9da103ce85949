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
While Redis is unreachable nothing is cached (each process would keep its own
version), and the version is bumped again when it returns, since the writes
made meanwhile could not bump it.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from common.cache import is_degraded, on_recovery

VERSION_KEY = "catalogue:version"


def _fresh_version() -> int:
    """A version no earlier one can equal: the clock in microseconds. A count
    from 1 would start over when Redis loses its data, and an app server's
    memory copy of a stored answer (``catalogue.api.caching``) made at the
    old version 1 would then look current."""
    return time.time_ns() // 1000


def catalogue_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        fresh = _fresh_version()
        cache.add(VERSION_KEY, fresh, timeout=None)
        version = cache.get(VERSION_KEY, fresh)
    return version


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # the key expired or was never set
        cache.set(VERSION_KEY, _fresh_version(), timeout=None)


on_recovery(_bump)


def invalidate_catalogue() -> None:
    """Make every cached catalogue read stale, once the current transaction commits.

    Robust: a write that committed is answered as a success, whatever the cache does.
    """
    transaction.on_commit(_bump, robust=True)


def catalogue_cache_usable() -> bool:
    return not is_degraded()


def cache_seconds() -> int:
    return settings.CATALOGUE_CACHE_SECONDS
