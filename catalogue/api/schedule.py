"""HTTP for a service's calendar: hours, closures, pauses and slots.

Thin: the service's visibility and ownership are decided here (catalogue
rules), everything else by ``schedule.services`` / ``schedule.selectors``.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import NotAuthenticated, PermissionDenied
from rest_framework.permissions import SAFE_METHODS, AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from catalogue import selectors
from common.throttles import ClosureThrottle
from schedule import clock
from schedule import selectors as schedule_selectors
from schedule import services as schedule_services

from .schedule_serializers import (
    ClosureSerializer,
    HoursInputSerializer,
    HoursSerializer,
    PauseInputSerializer,
    SlotSerializer,
    SlotsQuerySerializer,
)

OWNER_ONLY = "Only the service's vendor can change its hours, closures and pauses."
SERVICE_PATH = OpenApiParameter("service_pk", OpenApiTypes.INT, OpenApiParameter.PATH)
ERRORS = {
    400: OpenApiResponse(description="Field errors, with the reason"),
    401: OpenApiResponse(description="No or invalid token"),
    403: OpenApiResponse(description="Not the service's vendor"),
    404: OpenApiResponse(description="No such service (or closure)"),
}


def errors(*codes):
    return {code: ERRORS[code] for code in codes}


class ServiceCalendarView(APIView):
    """Reads for anyone who can see the service; writes for its vendor."""

    permission_classes = [AllowAny]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.service = get_object_or_404(
            selectors.with_listing(selectors.service_visible_to(request.user)),
            pk=kwargs["service_pk"],
        )
        if request.method not in SAFE_METHODS:
            if not request.user.is_authenticated:
                raise NotAuthenticated()
            if self.service.vendor_id != request.user.pk:
                raise PermissionDenied(OWNER_ONLY)

    def hours_response(self, status_code=status.HTTP_200_OK) -> Response:
        # Re-read: the prefetched calendar predates this request's write.
        service = selectors.with_listing(selectors.service_visible_to(self.request.user)).get(
            pk=self.service.pk
        )
        return Response(
            HoursSerializer(schedule_selectors.hours_of(service)).data, status=status_code
        )


@extend_schema(tags=["opening hours"], parameters=[SERVICE_PATH])
class ServiceHoursView(ServiceCalendarView):
    @extend_schema(
        summary="A service's weekly hours, closures, pause and opening state",
        description=(
            "Anyone who can see the service. `weekly` in the campus `time_zone`; only "
            "closures that have not ended; `paused_until` null unless a pause is running."
        ),
        responses={200: HoursSerializer, **errors(404)},
    )
    def get(self, request, service_pk):
        return Response(HoursSerializer(schedule_selectors.hours_of(self.service)).data)

    @extend_schema(
        summary="Replace a service's weekly hours",
        description=(
            "The owning vendor. `opens`/`closes` are local `HH:MM`; `closes` earlier than "
            "`opens` runs past midnight. 400 on `weekly` for `opens == closes`, overlapping "
            "periods (touching ones do not overlap) or more than 28 periods, naming the "
            "periods concerned. `[]` removes the hours (open whenever available). Orders and "
            "bookings already placed keep their times."
        ),
        request=HoursInputSerializer,
        responses={200: HoursSerializer, **errors(400, 401, 403, 404)},
    )
    def put(self, request, service_pk):
        body = HoursInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        schedule_services.hours_replace(service=self.service, weekly=body.validated_data["weekly"])
        return self.hours_response()


@extend_schema(tags=["opening hours"], parameters=[SERVICE_PATH])
class ServiceClosuresView(ServiceCalendarView):
    throttle_classes = [ClosureThrottle]

    @extend_schema(
        summary="A service's closures that have not ended",
        description="Anyone who can see the service; soonest first.",
        responses={200: ClosureSerializer(many=True), **errors(404)},
    )
    def get(self, request, service_pk):
        return Response(
            ClosureSerializer(schedule_selectors.closures_of(self.service), many=True).data
        )

    @extend_schema(
        summary="Close a service on whole local dates",
        description=(
            "The owning vendor. `starts_on` to `ends_on` inclusive, local dates. 400 on "
            "`ends_on` when it is before `starts_on`, before today (entirely past) or the "
            "range is longer than 366 days. No slots are offered on closed dates and "
            "as-soon-as-possible orders are refused; orders already placed stay."
        ),
        request=ClosureSerializer,
        responses={201: ClosureSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request, service_pk):
        body = ClosureSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        closure = schedule_services.closure_add(service=self.service, **body.validated_data)
        return Response(ClosureSerializer(closure).data, status=status.HTTP_201_CREATED)


@extend_schema(
    tags=["opening hours"],
    parameters=[SERVICE_PATH, OpenApiParameter("closure_id", OpenApiTypes.INT, "path")],
)
class ServiceClosureDetailView(ServiceCalendarView):
    @extend_schema(
        summary="Remove a closure",
        description="The owning vendor.",
        responses={204: None, **errors(401, 403, 404)},
    )
    def delete(self, request, service_pk, closure_id):
        schedule_services.closure_delete(service=self.service, closure_id=int(closure_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["opening hours"], parameters=[SERVICE_PATH])
class ServicePauseView(ServiceCalendarView):
    @extend_schema(
        summary="Pause as-soon-as-possible orders",
        description=(
            "The owning vendor. `minutes` 5 to 720. Until `paused_until`, orders without "
            "`pickup_at` are refused with the reason; orders for a pickup time are still "
            "taken, and orders already placed are untouched. Orders resume by themselves "
            "when the time passes. A new pause replaces the current one."
        ),
        request=PauseInputSerializer,
        responses={200: HoursSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request, service_pk):
        body = PauseInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        schedule_services.pause(service=self.service, **body.validated_data)
        return self.hours_response()

    @extend_schema(
        summary="Resume orders now",
        description="The owning vendor. Ends the pause; nothing happens if none is running.",
        responses={204: None, **errors(401, 403, 404)},
    )
    def delete(self, request, service_pk):
        schedule_services.resume(service=self.service)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema(tags=["opening hours"], parameters=[SERVICE_PATH])
class ServiceSlotsView(ServiceCalendarView):
    @extend_schema(
        summary="Pickup times (ordering) or appointment slots (booking) of one local date",
        description=(
            "Weekly periods tiled from `opens` in steps of `pickup_slot_minutes` (ordering) "
            "or `slot_minutes` (booking), each slot ending by `closes`; a slot belongs to the "
            "local date it starts on. None on closed dates, none starting sooner than "
            "`prep_minutes` / `min_notice_minutes` from now, none beyond 7 days / "
            "`max_days_ahead`. `[]` for a service without weekly hours, one that is not "
            "available, or one that neither takes orders nor bookings. A full slot is listed "
            "with `remaining` 0. Local times that do not exist (daylight saving) give no "
            "slot; repeated ones give two slots with distinct instants."
        ),
        parameters=[SlotsQuerySerializer],
        responses={200: SlotSerializer(many=True), **errors(400, 404)},
    )
    def get(self, request, service_pk):
        query = SlotsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        now = clock.now()
        local_date = query.validated_data.get("date") or schedule_selectors.campus_today(now)
        slots = schedule_selectors.service_slots(self.service, local_date=local_date, now=now)
        return Response(SlotSerializer(slots, many=True).data)
