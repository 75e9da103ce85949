"""Anonymous catalogue reads served from the versioned catalogue cache.

The client does not choose the cache key: it is built from the query
parameters the endpoint knows, normalised (``?page=01`` and ``?page=1`` share
an entry, as do ``?min_price=5`` and ``?min_price=5.00``). A request with a
parameter the endpoint does not know is answered from the database and not
cached, so junk parameters cannot fill the cache with copies of one page.
"""

import hashlib
from decimal import Decimal

from django.core.cache import cache
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import status
from rest_framework.filters import SearchFilter
from rest_framework.response import Response
from rest_framework.settings import api_settings

from catalogue.cache import catalogue_cache_key
from common.public_cache import cache_seconds, catalogue_cache_usable

PAGE_PARAMETERS = {"page", "page_size"}


def _normalise(value) -> str | None:
    if value in (None, "", [], ()):
        return None
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, list | tuple):
        return ",".join(str(item) for item in value)
    return str(value).strip()


class AnonymousCacheMixin:
    """Anonymous reads may come from a cache; every write is visible in the next read.

    Cached per known query parameter, normalised; a request with a parameter
    the endpoint does not know is answered from the database.
    """

    # The key also holds the scheme and host (an allowed host name only):
    # responses carry absolute image URLs, so two host names must not share an
    # entry. Authenticated reads are never cached (a vendor sees their own view).

    # Per action, the query parameters an extra action reads itself.
    cache_query_parameters: dict[str, set[str]] = {}

    def _known_parameters(self) -> set[str]:
        known = set(self.cache_query_parameters.get(self.action, set()))
        if self.action != "retrieve" and self.paginator is not None:
            known |= PAGE_PARAMETERS
        backends = self.filter_backends
        if DjangoFilterBackend in backends and getattr(self, "filterset_class", None):
            known |= set(self.filterset_class.base_filters)
        if SearchFilter in backends:
            known.add(api_settings.SEARCH_PARAM)
        return known

    def _normalised_parameters(self, request) -> list[tuple[str, str]] | None:
        """The known parameters, normalised; None when the request must not be cached."""
        params = request.query_params
        if not set(params) <= self._known_parameters():
            return None
        if any(len(params.getlist(name)) != 1 for name in params):
            return None
        values = {name: params[name] for name in params}
        if DjangoFilterBackend in self.filter_backends and getattr(self, "filterset_class", None):
            model = self.filterset_class._meta.model
            form = self.filterset_class(data=params, queryset=model.objects.none()).form
            if not form.is_valid():
                return None  # the view answers 400
            values.update({name: form.cleaned_data[name] for name in form.cleaned_data})
        if self.paginator is not None and self.action != "retrieve":
            page = params.get("page", "1").strip() or "1"
            if not page.isdigit():
                return None  # the view answers 404
            values["page"] = int(page)
            values["page_size"] = self.paginator.get_page_size(request)
        normalised = ((name, _normalise(value)) for name, value in values.items())
        return sorted((name, value) for name, value in normalised if value is not None)

    def _cache_key(self, request) -> str | None:
        parameters = self._normalised_parameters(request)
        if parameters is None:
            return None
        identity = repr((request.build_absolute_uri(request.path), parameters))
        # Hashed: a URL can be longer than cache backends allow for a key.
        digest = hashlib.sha256(identity.encode()).hexdigest()
        return catalogue_cache_key(digest)

    def cached(self, request, build):
        if request.user.is_authenticated or not catalogue_cache_usable():
            return build()
        key = self._cache_key(request)
        if key is None:
            return build()
        data = cache.get(key)
        if data is not None:
            return Response(data)
        response = build()
        if response.status_code == status.HTTP_200_OK:
            cache.set(key, response.data, cache_seconds())
        return response

    def list(self, request, *args, **kwargs):
        return self.cached(request, lambda: super(AnonymousCacheMixin, self).list(request))

    def retrieve(self, request, *args, **kwargs):
        return self.cached(
            request, lambda: super(AnonymousCacheMixin, self).retrieve(request, *args, **kwargs)
        )
