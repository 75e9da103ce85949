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
