"""What the catalogue's view sets share: the id pattern, the error responses of
the schema, the owner check and the anonymous-read cache."""

from django.core.cache import cache
from drf_spectacular.utils import OpenApiResponse
from rest_framework import status
from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.response import Response

from common.public_cache import cache_seconds, catalogue_cache_key

ID_REGEX = "[0-9]{1,18}"

ERRORS = {
    400: OpenApiResponse(description="Field errors"),
    401: OpenApiResponse(description="No or invalid token"),
    403: OpenApiResponse(description="Wrong role, or not the owner"),
    404: OpenApiResponse(description="No such object, or not visible to the caller"),
}


def errors(*codes):
    return {code: ERRORS[code] for code in codes}


class IsOwner(BasePermission):
    """Reads for anyone who can see the object; writes for its owner only."""

    message = "Only the owner can change this."

    def has_object_permission(self, request, view, obj):
        return request.method in SAFE_METHODS or view.owner_of(obj) == request.user


class AnonymousCacheMixin:
    """Anonymous reads are served from the versioned catalogue cache.

    The key holds the whole absolute URL: responses carry absolute image
    URLs, so two host names must not share an entry. Authenticated reads are
    never cached (a vendor sees their own view).
    """

    def cached(self, request, build):
        if request.user.is_authenticated:
            return build()
        key = catalogue_cache_key(request.build_absolute_uri())
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
