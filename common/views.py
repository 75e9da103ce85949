from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import FileResponse, HttpResponse
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import (
    api_view,
    authentication_classes,
    permission_classes,
    throttle_classes,
)
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from common.cache import RedisCache
from common.errors import DATABASE_UNAVAILABLE, RETRY_AFTER_SECONDS


def _cache_answers() -> bool:
    backend = caches["default"]
    # Only a Redis cache can be down; a per-process memory cache always answers.
    return backend.ping() if isinstance(backend, RedisCache) else True


@extend_schema(
    summary="Health check",
    description=(
        '`{"status": "ok"}` when the database and the cache answer. '
        '`{"status": "degraded", "cache": "unavailable"}` (still 200) when only the '
        "cache (Redis) is down: every request is still answered, from the database, with "
        "throttles counted per process until Redis returns. 503 with `Retry-After` and "
        '`{"status": "unavailable", "database": "unavailable", "detail": ...}` '
        "when the database does not answer."
    ),
    responses={
        200: inline_serializer(
            "Health",
            {
                "status": serializers.ChoiceField(choices=["ok", "degraded"]),
                "cache": serializers.CharField(
                    required=False, help_text="`unavailable` when degraded"
                ),
            },
        ),
        503: inline_serializer(
            "HealthDown",
            {
                "status": serializers.ChoiceField(choices=["unavailable"]),
                "database": serializers.CharField(),
                "detail": serializers.CharField(),
            },
        ),
    },
)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
@throttle_classes([])
def health(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return Response(
            {
                "status": "unavailable",
                "database": "unavailable",
                "detail": DATABASE_UNAVAILABLE,
            },
            status=503,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    if not _cache_answers():
        return Response({"status": "degraded", "cache": "unavailable"})
    return Response({"status": "ok"})


def web_app(request, path=""):
    """The single-page web app: its index.html for every client-side route."""
    index = settings.WEB_DIST_DIR / "index.html"
    if not index.is_file():
        return HttpResponse(
            "The web app is not built yet: run `make run` (or `make web`).",
            status=404,
            content_type="text/plain",
        )
    response = FileResponse(index.open("rb"), content_type="text/html")
    response["Cache-Control"] = "no-cache"
    return response
