"""Every answer under /api/ is JSON, whatever failed and whatever the client accepts.

DRF renders the errors its views raise, but much is answered before or after a
view runs: Django's 404 for an unknown path, its 500 page for an uncaught
exception (HTML, or the debug page), the browsable API's HTML when a browser
asks, a 301 to the slashed URL that clients follow as a GET without the body.
``ApiJsonErrorsMiddleware`` answers those under /api/ as ``{"detail": "..."}``:

- a body over ``MAX_REQUEST_BODY_BYTES`` → 413 before anything reads it;
- a path that only exists with a trailing slash → 308 to it (method and body
  preserved), never Django's 301;
- the database unreachable (connection refused, pool exhausted, connection
  lost mid-request) → 503 with ``Retry-After``; any other uncaught exception
  → 500; both still logged by Django;
- while this process's database circuit is open (``common/circuit.py``: a
  request found the database unreachable less than ``DB_CIRCUIT_OPEN_SECONDS``
  ago) → the same 503 at once, without waiting for the pool;
- any other non-JSON error → the same status as ``{"detail": "..."}``
  (DRF's own error data re-rendered as JSON when it has some).
"""

import json
import sys
from http import HTTPStatus

from django.conf import settings
from django.core.signals import got_request_exception
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import is_valid_path
from rest_framework.renderers import JSONRenderer

from common.circuit import PROBE, PROBE_TIMEOUT_SECONDS, REJECT, database_circuit

API_PREFIX = "/api/"
HEALTH_PATH = "/api/health/"
# The health check's own 503 body (common/views.py::health), also when the circuit answers.
HEALTH_DOWN = {"status": "unavailable", "database": "unavailable"}
RETRY_AFTER_SECONDS = 5
DATABASE_UNAVAILABLE = "The database is unavailable; try again shortly."
# Connection refused or lost, the pool's wait timed out: the request may succeed later.
DATABASE_DOWN_ERRORS = (OperationalError, InterfaceError)

MESSAGES = {
    400: "Bad request.",
    403: "You do not have permission to perform this action.",
    404: "Not found.",
    405: "Method not allowed.",
    413: "Request body too large.",
    500: "Internal server error.",
    503: DATABASE_UNAVAILABLE,
}
# Headers the JSON answer replaces rather than keeps.
BODY_HEADERS = {"content-type", "content-length", "content-disposition", "content-encoding"}


def is_api(request) -> bool:
    return request.path_info.startswith(API_PREFIX)


def _remember_exception(sender, request=None, **kwargs):
    # Django turns an uncaught exception into a 500 page before the outer
    # middleware sees it; keep the exception so the JSON answer can tell a
    # database outage (503) from a bug (500).
    if request is not None:
        request.uncaught_exception = sys.exc_info()[1]


got_request_exception.connect(_remember_exception, dispatch_uid="common.errors")


def json_error(status: int, detail: str | None = None, **headers) -> JsonResponse:
    message = detail or MESSAGES.get(status) or f"{HTTPStatus(status).phrase}."
    response = JsonResponse({"detail": message}, status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def database_unavailable(request=None) -> JsonResponse:
    if request is not None and request.path_info == HEALTH_PATH:
        response = JsonResponse({**HEALTH_DOWN, "detail": DATABASE_UNAVAILABLE}, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    return json_error(503, DATABASE_UNAVAILABLE, Retry_After=str(RETRY_AFTER_SECONDS))


def _circuit_refuses(request) -> bool:
    """True when the database is known to be down: answer 503 without waiting."""
    circuit = database_circuit()
    verdict = circuit.admit()
    if verdict == REJECT:
        return True
    if verdict == PROBE:
        try:
            answers = _database_answers()
        except BaseException:
            circuit.succeeded()  # not an outage: never leave the circuit stuck probing
            raise
        if not answers:
            circuit.failed()
            return True
        circuit.succeeded()
    return False


def _database_answers() -> bool:
    """The probe: PostgreSQL's pool gets PROBE_TIMEOUT_SECONDS, not its own timeout."""
    probe = getattr(connection, "answers_within", None)
    if probe is not None:
        return probe(PROBE_TIMEOUT_SECONDS)
    try:
        connection.ensure_connection()
    except (DatabaseError, InterfaceError):
        return False
    return True


def _is_json(response) -> bool:
    return "json" in response.get("Content-Type", "")


def _declared_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class ApiJsonErrorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_api(request):
            return self.get_response(request)
        if _declared_length(request) > settings.MAX_REQUEST_BODY_BYTES:
            return json_error(
                413,
                f"Request body too large: at most {settings.MAX_REQUEST_BODY_BYTES} bytes.",
            )
        redirect = self._slash_redirect(request)
        if redirect is not None:
            return redirect
        if _circuit_refuses(request):
            return database_unavailable(request)
        response = self.get_response(request)
        if isinstance(getattr(request, "uncaught_exception", None), DATABASE_DOWN_ERRORS):
            database_circuit().failed()
        if response.status_code < 400 or _is_json(response):
            return response
        return self._as_json(request, response)

    def _slash_redirect(self, request):
        path = request.path_info
        if path.endswith("/") or is_valid_path(path, getattr(request, "urlconf", None)):
            return None
        if not is_valid_path(f"{path}/", getattr(request, "urlconf", None)):
            return None
        detail = f"This endpoint's URL ends with a slash: {request.path}/"
        # 308, unlike Django's 301, tells clients to repeat the method and body.
        return HttpResponsePermanentRedirect(
            request.get_full_path(force_append_slash=True),
            preserve_request=True,
            content=json.dumps({"detail": detail}),
            content_type="application/json",
        )

    def _as_json(self, request, response):
        exception = getattr(request, "uncaught_exception", None)
        if isinstance(exception, DATABASE_DOWN_ERRORS):
            return database_unavailable(request)
        data = getattr(response, "data", None)
        if isinstance(data, dict | list):
            # A DRF error rendered as HTML for a browser: same data, as JSON.
            converted = JsonResponse(data, status=response.status_code, safe=False)
            converted.content = JSONRenderer().render(data)
        else:
            converted = json_error(response.status_code)
        for name, value in response.items():
            if name.lower() not in BODY_HEADERS:
                converted[name] = value
        return converted
