"""Answering from rows just written, without reading them back."""

from collections.abc import Sequence

from django.db.models import Model


def remember_related(instance: Model, related_name: str, rows: Sequence[Model]) -> bool:
    """Make ``instance.<related_name>.all()`` return ``rows``, as a prefetch
    would, without a query: for a write that created every one of them and
    holds them in memory. Refused (False, nothing changed) when a row has no
    primary key yet, i.e. the database did not return the ids it assigned.
    """
    if any(row.pk is None for row in rows):
        return False
    manager = getattr(instance, related_name)
    queryset = manager.get_queryset()
    queryset._result_cache = list(rows)
    queryset._prefetch_done = True
    instance.__dict__.setdefault("_prefetched_objects_cache", {})[_cache_name(manager)] = queryset
    return True


def remembered(instance: Model, *related_names: str) -> bool:
    """Whether ``instance`` holds each of these relations in memory."""
    cache = instance.__dict__.get("_prefetched_objects_cache", {})
    return all(_cache_name(getattr(instance, name)) in cache for name in related_names)


def _cache_name(manager) -> str:
    """Where a prefetch keeps a relation's rows: a reverse foreign key's
    manager names it by its field, a many-to-many's by its own attribute."""
    name = getattr(manager, "prefetch_cache_name", None)
    return name if name is not None else manager.field.remote_field.cache_name
