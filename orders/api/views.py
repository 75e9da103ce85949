import django_filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import BasePermission, IsAuthenticated
from rest_framework.response import Response

from common.filters import FilterBackend, IdFilter
from common.idempotency import IDEMPOTENCY_KEY_PARAMETER, IDEMPOTENCY_REFUSALS, idempotency_key
from common.permissions import IsStudent
from common.prefetch import remembered
from common.throttles import OrderCreateThrottle
from common.viewsets import ActionTablesMixin
from orders import selectors, services
from orders.kind import ORDER
from orders.models import Order, OrderStatus
from purchases.api import IsAdminOperator, cancel_as_operator, operator_cancel_schema
from users.permissions import HasVerifiedEmail

from .exports import JSONErrorsNegotiation, csv_response
from .serializers import (
    OrderCreateSerializer,
    OrderSerializer,
    OrderStatusInputSerializer,
    OrderSummarySerializer,
    OrderUpdateSerializer,
    ReportQuerySerializer,
)

NOT_FOUND = OpenApiResponse(description="No such order among those you can see")
FIELD_ERRORS = OpenApiResponse(description="Field errors, or a refused rule with its reason")
NOT_LOGGED_IN = OpenApiResponse(description="Missing or invalid token")


class CanPlaceOrders(IsStudent):
    message = "Only students can place orders."


class CanSeeSummary(BasePermission):
    message = "Only vendors and admins have an order summary."

    def has_permission(self, request, view):
        user = request.user
        return bool(user and user.is_authenticated and (user.is_vendor or user.is_admin_type))


class CanExport(CanSeeSummary):
    message = "Only vendors and admins can export orders."


class OrderFilter(django_filters.FilterSet):
    order_status = django_filters.ChoiceFilter(
        choices=OrderStatus.choices, help_text="Only orders in this status."
    )
    service = IdFilter(field_name="service_id", help_text="Only orders for this service id.")


REPORT_RANGE = [
    OpenApiParameter(
        "from",
        OpenApiTypes.DATE,
        description="First local date (YYYY-MM-DD), inclusive. Default: 29 days before `to`.",
    ),
    OpenApiParameter(
        "to",
        OpenApiTypes.DATE,
        description="Last local date (YYYY-MM-DD), inclusive. Default: today. At most 366 days.",
    ),
]
RANGE_ERRORS = OpenApiResponse(
    description="A malformed date, `from` after `to`, over 366 days, or a year outside 2000-2100"
)


def _report_period(request) -> selectors.ReportPeriod:
    query = ReportQuerySerializer(data=request.query_params)
    query.is_valid(raise_exception=True)
    return selectors.ReportPeriod.from_query(
        first=query.validated_data.get("from"), last=query.validated_data.get("to")
    )


@extend_schema_view(
    list=extend_schema(
        summary="List orders",
        description=(
            "A student sees the orders they placed, a vendor the orders for their services, "
            "an admin all. Newest first. A vendor's to-do list: `?order_status=pending`."
        ),
        responses={200: OrderSerializer(many=True), 400: FIELD_ERRORS, 401: NOT_LOGGED_IN},
    ),
    retrieve=extend_schema(
        summary="One order, with its items and status history",
        responses={200: OrderSerializer, 401: NOT_LOGGED_IN, 404: NOT_FOUND},
    ),
)
@extend_schema(tags=["orders"])
class OrderViewSet(
    ActionTablesMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    throttle_classes = [OrderCreateThrottle]
    serializer_class = OrderSerializer
    permission_classes = [IsAuthenticated]
    action_permissions = {
        "create": [IsAuthenticated, CanPlaceOrders, HasVerifiedEmail],
        "summary": [IsAuthenticated, CanSeeSummary],
        "export": [IsAuthenticated, CanExport],
    }
    filter_backends = [FilterBackend]
    filterset_class = OrderFilter
    lookup_value_regex = "[0-9]{1,18}"
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Order.objects.none()
        if self.action in ("partial_update", "update_status", "operator_cancel"):
            # The write locks and re-reads the row itself; this only proves visibility.
            return selectors.orders_visible_to(self.request.user)
        return selectors.order_list(user=self.request.user)

    def _render(self, order) -> dict:
        fresh = selectors.order_answer(order.pk)
        return OrderSerializer(fresh, context=self.get_serializer_context()).data

    def _render_placed(self, order) -> dict:
        """A new order from the rows its placement wrote and holds (a third of
        the request's time went into reading them back); a replayed one as stored."""
        if not remembered(order, "items", "events"):
            return self._render(order)
        return OrderSerializer(order, context=self.get_serializer_context()).data

    @extend_schema(
        summary="Place an order (students)",
        description=(
            "Prices and totals come from the database; any price, total, customer or status "
            "in the body is ignored. The same item listed twice is merged (at most 100 in "
            "total). With an `Idempotency-Key` header, a retry with the same key and body "
            "returns the first order (200) instead of placing another; the same key with a "
            "different body is refused with 422. Keys are per user and kept at least 24 hours."
        ),
        parameters=[IDEMPOTENCY_KEY_PARAMETER],
        request=OrderCreateSerializer,
        responses={
            201: OrderSerializer,
            200: OpenApiResponse(OrderSerializer, description="Replay of an idempotent retry"),
            400: FIELD_ERRORS,
            401: NOT_LOGGED_IN,
            403: OpenApiResponse(description="Not a student, or an unverified email"),
            **IDEMPOTENCY_REFUSALS,
        },
    )
    def create(self, request):
        key = idempotency_key(request)
        serializer = OrderCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        order, created = services.order_place(
            customer=request.user,
            service=data["service"],
            lines=[
                (line["service_item"], line["quantity"], line["options"]) for line in data["items"]
            ],
            special_instructions=data.get("special_instructions", ""),
            delivery_address=data.get("delivery_address", ""),
            idempotency_key=key,
            pickup_at=data.get("pickup_at"),
            payment_method=data.get("payment_method"),
        )
        return Response(
            self._render_placed(order),
            status=status.HTTP_201_CREATED if created else status.HTTP_200_OK,
        )

    @extend_schema(
        summary="Change an order's status, or its customer's instructions and address",
        description=(
            "`order_status` follows the same rules as update_status. The customer may change "
            "`special_instructions` and `delivery_address` while the order is pending. "
            "All or nothing: one refused change leaves the order as it was."
        ),
        request=OrderUpdateSerializer,
        responses={
            200: OrderSerializer,
            400: FIELD_ERRORS,
            401: NOT_LOGGED_IN,
            403: OpenApiResponse(
                description="An admin, or the vendor editing the customer's text fields"
            ),
            404: NOT_FOUND,
        },
    )
    def partial_update(self, request, pk=None):
        order = self.get_object()
        serializer = OrderUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        order = services.order_update(
            order_id=order.pk, actor=request.user, **serializer.validated_data
        )
        return Response(self._render(order))

    @extend_schema(
        summary="Move an order to another status",
        description=(
            "Vendor: pending → confirmed | cancelled, confirmed → preparing | "
            "cancelled, preparing → ready, ready → delivering | completed, delivering → "
            "completed. Customer: pending → cancelled. Anything else: 400 naming the current "
            "and requested status. Each change is recorded in `status_history`. A cancellation "
            "may say why (`reason`, up to 500 characters), kept in that history entry. Admins "
            "see every order but change none (403)."
        ),
        request=OrderStatusInputSerializer,
        responses={
            200: OrderSerializer,
            400: FIELD_ERRORS,
            401: NOT_LOGGED_IN,
            403: OpenApiResponse(description="An admin: only the vendor or customer may act"),
            404: NOT_FOUND,
        },
    )
    @action(detail=True, methods=["post"])
    def update_status(self, request, pk=None):
        order = self.get_object()
        serializer = OrderStatusInputSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        order = services.order_transition(
            order_id=order.pk,
            actor=request.user,
            to_status=serializer.validated_data["order_status"],
            ready_in_minutes=serializer.validated_data.get("ready_in_minutes"),
            reason=serializer.validated_data.get("reason", ""),
        )
        return Response(self._render(order))

    @operator_cancel_schema(ORDER, OrderSerializer)
    @action(detail=True, methods=["post"], permission_classes=[IsAuthenticated, IsAdminOperator])
    def operator_cancel(self, request, pk=None):
        return Response(self._render(cancel_as_operator(self, request, ORDER)))

    @extend_schema(
        summary="Order counts per status, revenue and a day-by-day report (vendors, admins)",
        description=(
            "A vendor's figures over their own services; an admin's over the whole marketplace. "
            "`counts` holds every status (zeros included); `revenue` sums the `total_amount` "
            "of completed orders; both cover all time. `by_day` has one row for every date "
            "from `from` to `to` (zeros included), by the local date (campus `TIME_ZONE`) each "
            "order was placed: `orders` placed that day, `completed` how many of them are "
            "completed now, `revenue` their completed total, and their money by how it was "
            "paid: `paid_online` (payment `paid`), `paid_at_pickup` (`collected`), `refunded` "
            "(refunds confirmed), as the export's payment columns sum."
        ),
        filters=False,
        parameters=REPORT_RANGE,
        responses={
            200: OrderSummarySerializer,
            400: RANGE_ERRORS,
            401: NOT_LOGGED_IN,
            403: OpenApiResponse(description="Students have no summary"),
        },
    )
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def summary(self, request):
        period = _report_period(request)
        return Response(
            OrderSummarySerializer(selectors.order_summary(user=request.user, period=period)).data
        )

    @extend_schema(
        summary="Order lines as CSV (vendors, admins)",
        description=(
            "One row per order line of the orders placed from `from` to `to` (local dates, "
            "inclusive; default the last 30 days), oldest first, after a header row: "
            "order_id, placed_at (ISO 8601, campus time zone), status, customer_name (the "
            "customer's public name), item, quantity, unit_price, line_total, order_total, "
            "payment_method, payment_status, options, refunded_amount. "
            "A vendor exports their own services' orders; an admin the whole marketplace. "
            "Cells starting with `=`, `+`, `-`, `@`, tab or carriage return get a leading `'` "
            "so spreadsheets do not run them as formulas. Errors are JSON."
        ),
        filters=False,
        parameters=REPORT_RANGE,
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="The CSV file"),
            400: RANGE_ERRORS,
            401: NOT_LOGGED_IN,
            403: OpenApiResponse(description="Students cannot export orders"),
        },
    )
    @action(
        detail=False,
        methods=["get"],
        filter_backends=[],
        pagination_class=None,
        content_negotiation_class=JSONErrorsNegotiation,
    )
    def export(self, request):
        period = _report_period(request)
        lines = selectors.order_lines_for_export(user=request.user, period=period)
        return csv_response(lines, filename=f"orders-{period.first}-to-{period.last}.csv")
