"""Domain errors, and the one handler that gives the whole API one error shape.

Services raise the plain-Python family below and never know about HTTP
libraries; ``exception_handler`` (DRF's ``EXCEPTION_HANDLER``) maps each to its
status code. It also turns Django's own ``ValidationError``, ``Http404`` and
``PermissionDenied`` into DRF's shapes: ``{"field": ["message"]}`` for field
errors, ``{"detail": "message"}`` otherwise.

| exception | status | when |
|---|---|---|
| ``DomainError`` | 400 | a rule refused the input; the client can fix it |
| ``Unauthenticated`` | 401 | the credentials or token do not prove who is calling |
| ``Forbidden`` | 403 | the caller is known, may see the object, but may not do this |
| ``NotFound`` | 404 | the object does not exist, or not for this caller |
| ``Conflict`` | 409 | an earlier request still holds what this one needs |
| ``KeyReused`` | 422 | an ``Idempotency-Key`` replayed with a different request |
"""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler


class DomainError(Exception):
    """A business rule refused the request; the client can fix it (400).

    ``field`` names the input the message is about (``{"field": [message]}``);
    without it the answer is ``{"detail": message}``.
    """

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.field = field
        self.code = code

    def as_data(self) -> dict:
        if self.field:
            return {self.field: [self.message]}
        return {"detail": self.message}


class Unauthenticated(DomainError):
    """The caller could not be identified: wrong credentials, a dead token."""

    status_code = 401

    def __init__(self, message: str, *, code: str = "not_authenticated"):
        super().__init__(message, code=code)


class Forbidden(DomainError):
    """The caller sees the object but may not do this to it."""

    status_code = 403


class NotFound(DomainError):
    """No such object, or none this caller may see."""

    status_code = 404

    def __init__(self, message: str = "Not found.", **kwargs):
        super().__init__(message, **kwargs)


class Conflict(DomainError):
    """The request collides with one still in progress; retrying later may work."""

    status_code = 409


class KeyReused(DomainError):
    """An ``Idempotency-Key`` sent again with a different request body."""

    status_code = 422


def _unauthenticated(exc: Unauthenticated, context) -> Response | None:
    # Through DRF's own exception, so the answer carries WWW-Authenticate
    # naming the view's authenticator, exactly like DRF's own 401s.
    drf_exc = exceptions.AuthenticationFailed(exc.message, code=exc.code)
    view, request = context.get("view"), context.get("request")
    if view is not None and request is not None:
        drf_exc.auth_header = view.get_authenticate_header(request)
    return drf_exception_handler(drf_exc, context)


def exception_handler(exc, context):
    if isinstance(exc, Unauthenticated):
        return _unauthenticated(exc, context)
    if isinstance(exc, DomainError):
        return Response(exc.as_data(), status=exc.status_code)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(as_serializer_error(exc))
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied()
    return drf_exception_handler(exc, context)
