from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.utils.html import escape
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
from common.circuit import database_circuit
from common.errors import DATABASE_UNAVAILABLE, HEALTH_DOWN, RETRY_AFTER_SECONDS
from common.payment_methods import PAYMENT_METHODS, offered_payment_methods


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
        database_circuit().failed()  # the next requests of this process fail fast
        return Response(
            {**HEALTH_DOWN, "detail": DATABASE_UNAVAILABLE},
            status=503,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
    if not _cache_answers():
        return Response({"status": "degraded", "cache": "unavailable"})
    return Response({"status": "ok"})


@extend_schema(
    summary="Site configuration",
    description=(
        "What clients need to present the marketplace: the campus `currency` every "
        "price is in (an ISO 4217 code, the `CURRENCY` setting) and the campus "
        "`time_zone` (the `TIME_ZONE` setting) that opening hours, pickup times and "
        "report days are wall-clock times in, and the `payment_methods` a service may "
        "accept here (`pay_at_pickup`, plus `online` when a payment provider is configured). "
        "Public."
    ),
    responses={
        200: inline_serializer(
            "SiteConfig",
            {
                "currency": serializers.CharField(help_text="ISO 4217 code, e.g. `GHS`"),
                "time_zone": serializers.CharField(help_text="IANA name, e.g. `Africa/Accra`"),
                "locale": serializers.CharField(
                    help_text="BCP 47 tag the web app writes dates and times in, e.g. `en-GB`"
                ),
                "payment_methods": serializers.ListField(
                    child=serializers.ChoiceField(choices=PAYMENT_METHODS),
                    help_text="`pay_at_pickup`, plus `online` when a provider is configured.",
                ),
            },
        )
    },
)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
@throttle_classes([])
def site_config(request):
    return Response(
        {
            "currency": settings.CURRENCY,
            "time_zone": settings.TIME_ZONE,
            "locale": settings.CAMPUS_LOCALE,
            "payment_methods": offered_payment_methods(),
        },
        headers={"Cache-Control": "public, max-age=300"},
    )


def _with_settings(page: bytes) -> bytes:
    """The page with the server's settings the web app reads synchronously at
    start (web/src/config.ts), so prices never flash in a default currency."""
    meta = "".join(
        f'<meta name="{name}" content="{escape(value)}" />'
        for name, value in (
            ("campus-currency", settings.CURRENCY),
            ("campus-time-zone", settings.TIME_ZONE),
            ("campus-locale", settings.CAMPUS_LOCALE),
        )
    )
    return page.replace(b"</head>", meta.encode() + b"\n  </head>", 1)


def web_app(request, path=""):
    """The single-page web app: its index.html for every client-side route."""
    index = settings.WEB_DIST_DIR / "index.html"
    if not index.is_file():
        return HttpResponse(
            "The web app is not built yet: run `make run` (or `make web`).",
            status=404,
            content_type="text/plain",
        )
    response = HttpResponse(
        _with_settings(index.read_bytes()), content_type="text/html; charset=utf-8"
    )
    response["Cache-Control"] = "no-cache"
    return response
