"""Moved to ``common.public_cache``; kept so code written against the old
path keeps working. New code imports ``common.public_cache``."""

from common.public_cache import (  # noqa: F401
    cache_seconds,
    catalogue_cache_key,
    catalogue_version,
    invalidate_catalogue,
)
