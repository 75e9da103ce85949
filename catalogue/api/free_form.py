"""Which catalogue answers may be cached although a client chose their values
freely: a search's text, a price bound. Each distinct value would be a new
entry, so junk values could fill the cache; ``catalogue.api.caching`` asks
here before storing such an answer."""

from django.core.cache import cache

from catalogue.cache import catalogue_cache_key
from common.public_cache import cache_seconds

# Free-form values (any text, any price): every distinct one would be a new
# entry, so at most FREE_FORM_ENTRIES_PER_MINUTE answers giving one are stored
# per catalogue version and minute (an entry serves one minute at most, so
# that bounds how many exist); past the cap they are answered from the
# database. The rest are bounded: choices, booleans, the paginator's page
# sizes (an invalid one is the default), and ids and pages that find
# something (an empty list or a 404 is never stored).
FREE_FORM_PARAMETERS = {"search", "min_price", "max_price"}
FREE_FORM_ENTRIES_PER_MINUTE = 500


def free_form(params) -> bool:
    """A non-blank value of a ``FREE_FORM_PARAMETERS`` parameter."""
    return any(params.get(name, "").strip() for name in FREE_FORM_PARAMETERS)


def admit_free_form(version: int, minute: int) -> bool:
    """Whether one more answer with a free-form value may be stored in this
    version and minute (``FREE_FORM_ENTRIES_PER_MINUTE``): one counter
    increment per such miss."""
    key = catalogue_cache_key("free-form-count", version, minute)
    cache.add(key, 0, timeout=cache_seconds() + 60)
    try:
        return cache.incr(key) <= FREE_FORM_ENTRIES_PER_MINUTE
    except ValueError:  # expired or evicted in between: store nothing this time
        return False


def empty_list(data) -> bool:
    """A list answer without rows: junk ids would each make one."""
    return isinstance(data, dict) and data.get("count") == 0
