"""/api/services/: services with their items, availability and type/category lists."""

from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response

from catalogue import selectors, services
from common.filters import FilterBackend
from common.permissions import IsVendor
from common.viewsets import ActionTablesMixin

from .base import ID_REGEX, IsOwner
from .caching import AnonymousCacheMixin
from .filters import ServiceFilter
from .schema import by_category_schema, by_type_schema, service_schema, update_availability_schema
from .serializers import (
    AvailabilitySerializer,
    CategoryQuerySerializer,
    ServiceDetailSerializer,
    ServiceSerializer,
    ServiceTypeQuerySerializer,
)

LIST_ACTIONS = ("list", "by_type", "by_category")


@extend_schema(tags=["services"])
@service_schema
class ServiceViewSet(AnonymousCacheMixin, ActionTablesMixin, viewsets.ModelViewSet):
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

    def get_queryset(self):
        user = self.request.user
        if self.action in LIST_ACTIONS:
            return selectors.service_list_for(user)
        return selectors.with_schedule(selectors.service_visible_to(user))

    def get_object(self):
        service = super().get_object()
        if self.action == "retrieve":
            selectors.load_active_items(service)
        return service

    def owner_of(self, service):
        return service.vendor

    def _detail_response(self, service, status_code=status.HTTP_200_OK):
        service = selectors.load_active_items(
            selectors.with_schedule(selectors.service_visible_to(self.request.user)).get(
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
    @action(detail=True, methods=["post"])
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
        return self.cached(
            request,
            lambda: self._paginated(
                self.get_queryset().filter(service_type=query.validated_data["type"]),
                ServiceSerializer,
            ),
        )

    @by_category_schema
    @action(detail=False, methods=["get"], filter_backends=[])
    def by_category(self, request):
        query = CategoryQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return self.cached(
            request,
            lambda: self._paginated(
                self.get_queryset().filter(category=query.validated_data["category"]),
                ServiceSerializer,
            ),
        )
