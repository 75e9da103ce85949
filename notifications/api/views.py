from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.views import APIView

from common.throttles import StreamTicketThrottle
from notifications import selectors, services

from .serializers import (
    MarkedSerializer,
    MarkReadSerializer,
    NotificationSerializer,
    TicketSerializer,
    UnreadCountSerializer,
)

NOT_LOGGED_IN = OpenApiResponse(description="Missing or invalid token")


def _unread_only(request) -> bool:
    return request.query_params.get("unread", "").strip().lower() in {"true", "1", "yes"}


class NotificationViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """The caller's own notifications; nobody else's are reachable."""

    serializer_class = NotificationSerializer
    filter_backends = []

    def get_queryset(self):
        return selectors.notification_list(
            user=self.request.user, unread=_unread_only(self.request)
        )

    @extend_schema(
        summary="Your notifications, newest first",
        parameters=[
            OpenApiParameter("unread", bool, description="`true`: only those not marked read yet")
        ],
        responses={200: NotificationSerializer(many=True), 401: NOT_LOGGED_IN},
    )
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(
        summary="How many of your notifications are unread",
        responses={200: UnreadCountSerializer, 401: NOT_LOGGED_IN},
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def unread_count(self, request):
        return Response({"count": selectors.notification_unread_count(user=request.user)})

    @extend_schema(
        summary="Mark notifications read",
        description="`{ids: [...]}` marks those of yours (others' ids are ignored); "
        "`{}` marks all of yours. Answers how many changed.",
        request=MarkReadSerializer,
        responses={
            200: MarkedSerializer,
            400: OpenApiResponse(description="Bad ids"),
            401: NOT_LOGGED_IN,
        },
    )
    @action(detail=False, methods=["post"], pagination_class=None)
    def mark_read(self, request):
        serializer = MarkReadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        marked = services.notifications_mark_read(
            user=request.user, ids=serializer.validated_data.get("ids")
        )
        return Response({"marked": marked}, status=status.HTTP_200_OK)


@extend_schema(
    summary="A ticket for opening the event stream from a browser",
    description="Single use, valid 60 seconds: `GET /api/events/?ticket=<ticket>`. "
    "`EventSource` cannot send an Authorization header.",
    request=None,
    responses={200: TicketSerializer, 401: NOT_LOGGED_IN},
)
class TicketView(APIView):
    throttle_classes = [StreamTicketThrottle]

    def post(self, request):
        ticket, row = services.ticket_issue(user=request.user)
        return Response({"ticket": ticket, "expires_at": row.expires_at})
