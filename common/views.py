from django.conf import settings
from django.db import DatabaseError, connection
from django.http import FileResponse, HttpResponse
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.decorators import api_view, authentication_classes, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response


@extend_schema(
    summary="Health check",
    description="200 when the database answers, 503 otherwise.",
    responses={
        200: inline_serializer("Health", {"status": serializers.CharField()}),
        503: inline_serializer("HealthDown", {"status": serializers.CharField()}),
    },
)
@api_view(["GET"])
@authentication_classes([])
@permission_classes([AllowAny])
def health(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return Response({"status": "unavailable"}, status=503)
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
