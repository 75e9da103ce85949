from django.http import JsonResponse


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
