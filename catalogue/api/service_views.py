"""/api/services/: services with their items, availability and type/category lists."""

from django.http import Http404
from django_filters import utils as filter_utils
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from catalogue import public_rows, selectors, services
from catalogue.models import Service
from common.filters import FilterBackend
from common.parsers import UPLOAD_PARSERS, SafeJSONParser
from common.permissions import IsVendor
from common.throttles import UploadThrottle
from common.viewsets import ActionTablesMixin

from .base import ID_REGEX, IsOwner
from .caching import AnonymousCacheMixin
from .filters import ServiceFilter
from .public_rows import service_data, service_detail_data
from .schema import by_category_schema, by_type_schema, service_schema, update_availability_schema
from .serializers import (
    AvailabilitySerializer,
    CategoryQuerySerializer,
    ServiceDetailSerializer,
    ServiceSerializer,
    ServiceTypeQuerySerializer,
)

LIST_ACTIONS = ("list", "by_type", "by_category")
# Past this page number the paginator counts first, as it always does: a
# page far past the end is a 404 without reading at an absurd offset.
MAX_PAGE_HINT = 10_000


@extend_schema(tags=["services"])
@service_schema
class ServiceViewSet(AnonymousCacheMixin, ActionTablesMixin, viewsets.ModelViewSet):
    parser_classes = UPLOAD_PARSERS
    throttle_classes = [UploadThrottle]
    lookup_value_regex = ID_REGEX
    cache_query_parameters = {"by_type": {"type"}, "by_category": {"category"}}
    filter_backends = [FilterBackend]
    filterset_class = ServiceFilter
    serializer_class = ServiceDetailSerializer

    action_permissions = {
        "list": [AllowAny],
        "by_type": [AllowAny],
        "by_category": [AllowAny],
        "retrieve": [AllowAny],
        "create": [IsVendor],
    }
    default_permissions = [IsAuthenticated, IsOwner]
    action_serializers = {
        "list": ServiceSerializer,
        "by_type": ServiceSerializer,
        "by_category": ServiceSerializer,
    }

    # Public reads (``selectors.lists_public_services``) as rows
    # (catalogue.public_rows); False: through the querysets, as vendors' reads.
    public_rows = True

    def get_queryset(self):
        user = self.request.user
        if self.action in LIST_ACTIONS:
            return selectors.service_list_for(user)
        return selectors.with_listing(selectors.service_visible_to(user))

    def get_object(self):
        service = super().get_object()
        if self.action == "retrieve":
            selectors.load_active_items(service)
        return service

    def list(self, request, *args, **kwargs):
        if not (self.public_rows and selectors.lists_public_services(request.user)):
            return super().list(request, *args, **kwargs)
        return self.cached(request, lambda: self._public_page(**self._public_filters(request)))

    def retrieve(self, request, *args, **kwargs):
        if not (self.public_rows and selectors.sees_only_public_services(request.user)):
            return super().retrieve(request, *args, **kwargs)
        return self.cached(request, lambda: self._public_detail(int(kwargs["pk"])))

    def _public_filters(self, request) -> dict:
        """``ServiceFilter``'s cleaned values, validated as ``FilterBackend``
        does (no form when none of its parameters was sent), as the arguments
        of ``_public_page``."""
        if not request.query_params.keys() & ServiceFilter.base_filters.keys():
            return {"filters": {}}
        form = self.filter_form(request)  # the one the cache key read, if it did
        if not form.is_valid():
            raise filter_utils.translate_validation(form.errors)
        filters = form.cleaned_data
        ordering = ServiceFilter.base_filters["ordering"].fields_of(filters.get("ordering"))
        return {"filters": filters, "ordering": ordering}

    def get_paginated_response(self, data):
        """A search's rows also say which of their items matched (``matched_items``)."""
        text = self.request.query_params.get("search", "") if self.action == "list" else ""
        if text.strip():
            found = selectors.matched_items([row["id"] for row in data], text)
            for row in data:
                row["matched_items"] = found[row["id"]]
        return super().get_paginated_response(data)

    def _public_page(self, filters: dict, ordering=()):
        rows = public_rows.public_service_rows(
            ServiceFilter.condition_values(filters),
            ServiceFilter.conditions,
            filters.get("search") or "",
            ordering,
            self._asked_page(),
        )
        page = self.paginate_queryset(rows)
        return self.get_paginated_response(service_data(page, self.request))

    def _asked_page(self) -> tuple[int, int] | None:
        """(offset, limit) of the page number the request names, when it is a
        plain number (the paginator still validates it, and reads ``last``)."""
        number = self.request.query_params.get(self.paginator.page_query_param) or "1"
        if not (number.isascii() and number.isdigit()) or not 1 <= int(number) <= MAX_PAGE_HINT:
            return None
        size = self.paginator.get_page_size(self.request)
        return (int(number) - 1) * size, size

    def _public_detail(self, pk: int):
        row = public_rows.public_service_row(pk)
        if row is None:
            raise Http404(f"No {Service._meta.object_name} matches the given query.")
        return Response(service_detail_data(row, public_rows.active_item_rows(pk), self.request))

    def owner_of(self, service):
        return service.vendor

    def _detail_response(self, service, status_code=status.HTTP_200_OK):
        service = selectors.load_active_items(
            selectors.with_listing(selectors.service_visible_to(self.request.user)).get(
                pk=service.pk
            )
        )
        return Response(
            ServiceDetailSerializer(service, context=self.get_serializer_context()).data,
            status=status_code,
        )

    def create(self, request, *args, **kwargs):
        serializer = ServiceSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        service = services.service_create(vendor=request.user, **serializer.validated_data)
        return self._detail_response(service, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        service = self.get_object()
        serializer = ServiceSerializer(
            service,
            data=request.data,
            partial=kwargs.get("partial", False),
            context=self.get_serializer_context(),
        )
        serializer.is_valid(raise_exception=True)
        services.service_update(service=service, data=serializer.validated_data)
        return self._detail_response(service)

    def perform_destroy(self, instance):
        services.service_delete(service=instance)

    def _paginated(self, queryset, serializer_class):
        page = self.paginate_queryset(queryset)
        serializer = serializer_class(page, many=True, context=self.get_serializer_context())
        return self.get_paginated_response(serializer.data)

    @update_availability_schema
    @action(detail=True, methods=["post"], parser_classes=[SafeJSONParser])
    def update_availability(self, request, pk=None):
        service = self.get_object()
        serializer = AvailabilitySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.service_set_availability(service=service, **serializer.validated_data)
        return self._detail_response(service)

    @by_type_schema
    @action(detail=False, methods=["get"], filter_backends=[])
    def by_type(self, request):
        query = ServiceTypeQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        service_type = query.validated_data["type"]
        if self.public_rows and selectors.lists_public_services(request.user):
            return self.cached(request, lambda: self._public_page({"service_type": service_type}))
        return self.cached(
            request,
            lambda: self._paginated(
                self.get_queryset().filter(service_type=service_type), ServiceSerializer
            ),
        )

    @by_category_schema
    @action(detail=False, methods=["get"], filter_backends=[])
    def by_category(self, request):
        query = CategoryQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        category = query.validated_data["category"]
        if self.public_rows and selectors.lists_public_services(request.user):
            return self.cached(request, lambda: self._public_page({"category": category}))
        return self.cached(
            request,
            lambda: self._paginated(
                self.get_queryset().filter(category=category), ServiceSerializer
            ),
        )
