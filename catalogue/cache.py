"""Versioned cache of public catalogue reads.

Every cached catalogue response is keyed by the current catalogue version;
any write that changes what the public sees (a service, an item, a vendor
profile, a review's effect on a rating) bumps the version after its
transaction commits, so stale entries are never read again and simply expire.
With REDIS_URL set the version lives in Redis, so every app server agrees.
While Redis is unreachable nothing is cached (each process would keep its own
version), and the version is bumped again when it returns, since the writes
made meanwhile could not bump it.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from common.cache import is_degraded, on_recovery
from schedule import clock

VERSION_KEY = "catalogue:version"


def catalogue_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def catalogue_cache_key(digest: str) -> str:
    """The key of one cached read, given the digest of what the client asked."""
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
