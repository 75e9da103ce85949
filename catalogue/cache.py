"""Versioned cache of public catalogue reads.

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

from schedule import clock

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
    # Services show open_now/next_opening, which change with the clock, not
    # only with writes: opening hours turn on whole minutes, so an entry
    # serves one minute at most.
    minute = int(clock.now().timestamp() // 60)
    return f"catalogue:v{catalogue_version()}:m{minute}:{digest}"


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
