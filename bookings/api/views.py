from drf_spectacular.utils import (
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from bookings import selectors, services
from bookings.kind import BOOKING
from bookings.models import Booking
from common.filters import FilterBackend
from common.idempotency import IDEMPOTENCY_KEY_PARAMETER, IDEMPOTENCY_REFUSALS, idempotency_key
from common.permissions import IsStudent
from common.throttles import BookingCreateThrottle
from purchases.api import IsAdminOperator, cancel_as_operator, operator_cancel_schema
from schedule import clock
from users.permissions import HasVerifiedEmail

from .serializers import BookingCreateSerializer, BookingSerializer, BookingStatusInputSerializer

NOT_FOUND = OpenApiResponse(description="No such booking among those you can see")
FIELD_ERRORS = OpenApiResponse(description="Field errors, or a refused rule with its reason")
NOT_LOGGED_IN = OpenApiResponse(description="Missing or invalid token")


class CanMakeBookings(IsStudent):
    message = "Only students can make bookings."


@extend_schema_view(
    list=extend_schema(
        summary="List bookings",
        description=(
            "A student sees their own bookings, a vendor the bookings of their services, an "
            "admin all. Soonest first (by `start`). `?date=` is a local date of the campus "
            "time zone."
        ),
        responses={200: BookingSerializer(many=True), 400: FIELD_ERRORS, 401: NOT_LOGGED_IN},
    ),
    retrieve=extend_schema(
        summary="One booking, with its history",
        responses={200: BookingSerializer, 401: NOT_LOGGED_IN, 404: NOT_FOUND},
    ),
)
@extend_schema(tags=["bookings"])
class BookingViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    throttle_classes = [BookingCreateThrottle]
    serializer_class = BookingSerializer
    permission_classes = [IsAuthenticated]
    filter_backends = [FilterBackend]
    filterset_class = selectors.BookingFilter
    lookup_value_regex = "[0-9]{1,18}"
    http_method_names = ["get", "post", "head", "options"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Booking.objects.none()
        if self.action in ("update_status", "operator_cancel"):
            # The write locks and re-reads the row itself; this only proves visibility.
            return selectors.bookings_visible_to(self.request.user)
        return selectors.booking_list(user=self.request.user)

    def get_permissions(self):
        if self.action == "create":
            return [IsAuthenticated(), CanMakeBookings(), HasVerifiedEmail()]
        return super().get_permissions()

    def get_serializer_context(self):
        # One clock for a whole page, so allowed_transitions agree with each other.
        return {**super().get_serializer_context(), "now": clock.now()}

    def _render(self, booking) -> dict:
        fresh = selectors.booking_list(user=self.request.user).get(pk=booking.pk)
        return BookingSerializer(fresh, context=self.get_serializer_context()).data

    @extend_schema(
        summary="Book a slot (students)",
        description=(
            "`start` must be the start of a slot that `GET /api/services/{id}/slots/` offers "
            "now; `end` comes from the slot. With a `service_item`, its current price is "
            "copied to `price`. Refusals: 400 on `service` (not a booking service, removed, "
            "unavailable, vendor hidden), on `start` (not offered, fully booked, overlapping "
            "another confirmed booking of yours at this service), on `service_item`. With an "
            "`Idempotency-Key` header, a retry with the same key and body returns the first "
            "booking (200); the same key with a different body is refused with 422."
        ),
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        request=BookingCreateSerializer,
        responses={
            201: BookingSerializer,
            200: OpenApiResponse(BookingSerializer, description="Replay of an idempotent retry"),
            400: FIELD_ERRORS,
            401: NOT_LOGGED_IN,
            403: OpenApiResponse(description="Not a student, or an unverified email"),
            **IDEMPOTENCY_REFUSALS,
        },
    )
    def create(self, request):
        key = idempotency_key(request)
        serializer = BookingCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        booking, created = services.booking_make(
            customer=request.user,
            service=data["service"],
            start=data["start"],
            service_item_id=data.get("service_item"),
            notes=data.get("notes", ""),
            idempotency_key=key,
            payment_method=data.get("payment_method"),
        )
        return Response(
            self._render(booking),
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(
        summary="Move a booking to another status",
        description=(
            "Customer: confirmed → cancelled until `cancel_notice_minutes` before `start`. "
            "Vendor: confirmed → cancelled before `start` (with a `reason`), confirmed → "
            "completed | no_show once `start` has passed. Anything else: 400 naming the "
            "current and requested status. Each change is recorded in `history`; cancelling "
            "frees the seat. Admins see every booking but change none (403)."
        ),
        request=BookingStatusInputSerializer,
        responses={
            200: BookingSerializer,
            400: FIELD_ERRORS,
            401: NOT_LOGGED_IN,
            403: OpenApiResponse(description="An admin: only the vendor or customer may act"),
            404: NOT_FOUND,
        },
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def update_status(self, request, pk=None):
        booking = self.get_object()
        serializer = BookingStatusInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        booking = services.booking_transition(
            booking_id=booking.pk,
            actor=request.user,
            to_status=serializer.validated_data["booking_status"],
            reason=serializer.validated_data.get("reason", ""),
        )
        return Response(self._render(booking))

    @operator_cancel_schema(BOOKING, BookingSerializer)
    @action(
        detail=True,
        methods=["post"],
        filter_backends=[],
        permission_classes=[IsAuthenticated, IsAdminOperator],
    )
    def operator_cancel(self, request, pk=None):
        return Response(self._render(cancel_as_operator(self, request, BOOKING)))
