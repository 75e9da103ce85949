"""Keys of cached catalogue reads: the shared version (``common.public_cache``)
plus the current minute, because services show ``open_now``/``next_opening``."""

from common.public_cache import catalogue_version
from schedule import clock


def current_minute() -> int:
    # open_now/next_opening change with the clock, not only with writes:
    # opening hours turn on whole minutes, so an entry serves one minute at most.
    return int(clock.now().timestamp() // 60)


def catalogue_cache_key(digest: str, version: int | None = None, minute: int | None = None) -> str:
    """The key of one cached read, given the digest of what the client asked
    (and the version and minute, when the caller has read them already)."""
    version = catalogue_version() if version is None else version
    minute = current_minute() if minute is None else minute
    return f"catalogue:v{version}:m{minute}:{digest}"
