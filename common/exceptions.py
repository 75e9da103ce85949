"""One error shape for the whole API.

Domain services raise ``DomainError`` (or a subclass); this handler turns it,
Django's own ``ValidationError`` and DRF's exceptions into DRF's shapes:
``{"field": ["message"]}`` for field errors, ``{"detail": "message"}`` otherwise.
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler


class DomainError(Exception):
    """A business rule refused the request; the client can fix it (4xx)."""

    status_code = status.HTTP_400_BAD_REQUEST

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code

    def as_data(self) -> dict:
        if self.field:
            return {self.field: [self.message]}
        return {"detail": self.message}


class Conflict(DomainError):
    """The request conflicts with an earlier one (e.g. a reused idempotency key)."""

    status_code = status.HTTP_422_UNPROCESSABLE_ENTITY


def exception_handler(exc, context):
    if isinstance(exc, DomainError):
        return Response(exc.as_data(), status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    return drf_exception_handler(exc, context)
