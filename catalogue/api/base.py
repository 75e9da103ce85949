"""What the catalogue's view sets share: the id pattern, the error responses of
the schema, the owner check and the anonymous-read cache (``caching``)."""

from drf_spectacular.utils import OpenApiResponse
from rest_framework.permissions import SAFE_METHODS, BasePermission

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
