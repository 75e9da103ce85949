import json

from django.http import HttpResponsePermanentRedirect, JsonResponse

from common.errors import is_api


class RejectNulBytesMiddleware:
    """Answer 400 to a NUL byte in the query string.

    PostgreSQL refuses to store or compare strings holding NUL, so a filter
    value like ``?search=%00`` would otherwise surface as a 500.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for key, values in request.GET.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                return JsonResponse(
                    {"detail": "Query parameters may not contain NUL characters."}, status=400
                )
        return self.get_response(request)


class ApiHttpsRedirectMiddleware:
    """Just outside Django's SecurityMiddleware: its ``SECURE_SSL_REDIRECT``
    answer to a plain-HTTP API call, a 301 that clients repeat as a GET without
    the body, becomes a 308 (same method and body) with a JSON body, keeping the
    headers Django set. (Django's own middleware stays in place for the rest and
    for ``check --deploy``.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not (
            response.status_code == 301
            and is_api(request)
            and not request.is_secure()
            and response.get("Location", "").startswith("https://")
        ):
            return response
        location = response["Location"]
        redirect = HttpResponsePermanentRedirect(
            location,
            preserve_request=True,
            content=json.dumps({"detail": f"This API is served over HTTPS only: {location}"}),
            content_type="application/json",
        )
        for name, value in response.items():
            if name.lower() not in {"content-type", "content-length"}:
                redirect.setdefault(name, value)
        return redirect


class OutsideTheApi:
    """Runs the middleware named in ``settings.OUTSIDE_API_MIDDLEWARE`` for
    everything but the JSON API.

    Sessions, ``request.user`` from a session and flash messages serve the
    admin (and the HTML pages); the API authenticates with bearer tokens in
    DRF, so on ``/api/`` these three only cost time. The API's HTML
    documentation page keeps them. (CSRF stays in MIDDLEWARE for every path:
    Django's deploy check asks for it, and DRF's views are exempt anyway.)
    """

    def __init__(self, get_response):
        from django.conf import settings
        from django.utils.module_loading import import_string

        self.get_response = get_response
        handler = get_response
        for path in reversed(settings.OUTSIDE_API_MIDDLEWARE):
            handler = import_string(path)(handler)
        self.outside_api = handler

    def __call__(self, request):
        path = request.path_info
        if path.startswith("/api/") and not path.startswith("/api/docs/"):
            return self.get_response(request)
        return self.outside_api(request)
