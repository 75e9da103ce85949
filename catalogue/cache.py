"""Keys of cached catalogue reads: the shared version (``common.public_cache``)
plus the current minute, because services show ``open_now``/``next_opening``."""

from common.public_cache import catalogue_version
from schedule import clock


def catalogue_cache_key(digest: str) -> str:
    """The key of one cached read, given the digest of what the client asked."""
    # open_now/next_opening change with the clock, not only with writes:
    # opening hours turn on whole minutes, so an entry serves one minute at most.
    minute = int(clock.now().timestamp() // 60)
    return f"catalogue:v{catalogue_version()}:m{minute}:{digest}"
