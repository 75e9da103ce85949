from django.core.cache import cache
from django.shortcuts import get_object_or_404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import filters, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import SAFE_METHODS, AllowAny, BasePermission, IsAuthenticated
from rest_framework.response import Response

from catalogue import selectors, services
from catalogue.models import Category, ServiceItem, ServiceType
from common.permissions import IsAdminUserType, IsVendor
from common.public_cache import cache_seconds, catalogue_cache_key

from .filters import ServiceFilter, VendorProfileFilter
from .serializers import (
    AdminVendorProfileSerializer,
    AvailabilitySerializer,
    CategoryQuerySerializer,
    ServiceDetailSerializer,
    ServiceItemSerializer,
    ServiceSerializer,
    ServiceTypeQuerySerializer,
    VendorProfileSerializer,
)

ID_REGEX = "[0-9]{1,18}"

ERRORS = {
    400: OpenApiResponse(description="Field errors"),
    401: OpenApiResponse(description="No or invalid token"),
    403: OpenApiResponse(description="Wrong role, or not the owner"),
    404: OpenApiResponse(description="No such object, or not visible to the caller"),
}


def errors(*codes):
    return {code: ERRORS[code] for code in codes}


class IsOwner(BasePermission):
    """Reads for anyone who can see the object; writes for its owner only."""

    message = "Only the owner can change this."

    def has_object_permission(self, request, view, obj):
        return request.method in SAFE_METHODS or view.owner_of(obj) == request.user


class AnonymousCacheMixin:
    """Anonymous reads are served from the versioned catalogue cache.

    The key holds the whole absolute URL: responses carry absolute image
    URLs, so two host names must not share an entry. Authenticated reads are
    never cached (a vendor sees their own view).
    """

    def cached(self, request, build):
        if request.user.is_authenticated:
            return build()
        key = catalogue_cache_key(request.build_absolute_uri())
        data = cache.get(key)
        if data is not None:
            return Response(data)
        response = build()
        if response.status_code == status.HTTP_200_OK:
            cache.set(key, response.data, cache_seconds())
        return response

    def list(self, request, *args, **kwargs):
        return self.cached(request, lambda: super(AnonymousCacheMixin, self).list(request))

    def retrieve(self, request, *args, **kwargs):
        return self.cached(
            request, lambda: super(AnonymousCacheMixin, self).retrieve(request, *args, **kwargs)
        )


# --- Vendor profiles -----------------------------------------------------------------------


@extend_schema(tags=["vendor profiles"])
@extend_schema_view(
    list=extend_schema(
        summary="List active vendor profiles",
        parameters=[
            OpenApiParameter(
                "search", str, description="Words in business name, description or address"
            )
        ],
        responses={200: VendorProfileSerializer(many=True), **errors(400)},
    ),
    retrieve=extend_schema(
        summary="One vendor profile", responses={200: VendorProfileSerializer, **errors(404)}
    ),
    create=extend_schema(
        summary="Create the caller's vendor profile",
        description="Vendors only; one profile per vendor (a second one is a 400).",
        responses={201: VendorProfileSerializer, **errors(400, 401, 403)},
    ),
    partial_update=extend_schema(
        summary="Update a vendor profile",
        description=(
            "The owning vendor, or an admin. Only an admin may change `is_verified` and "
            "`is_active`; a vendor sending them is ignored. A new `logo` replaces the old file."
        ),
        request=AdminVendorProfileSerializer,
        responses={200: VendorProfileSerializer, **errors(400, 401, 403, 404)},
    ),
    destroy=extend_schema(
        summary="Delete a vendor profile (and its logo)",
        responses={204: None, **errors(401, 403, 404)},
    ),
)
class VendorProfileViewSet(AnonymousCacheMixin, viewsets.ModelViewSet):
    serializer_class = VendorProfileSerializer
    lookup_value_regex = ID_REGEX
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    filter_backends = [DjangoFilterBackend, filters.SearchFilter]
    filterset_class = VendorProfileFilter
    search_fields = ["business_name", "description", "address"]

    def get_queryset(self):
        if self.action == "list":
            return selectors.vendor_profile_list()
        return selectors.vendor_profile_visible_to(self.request.user)

    def get_permissions(self):
        if self.action in {"list", "retrieve"}:
            return [AllowAny()]
        if self.action == "create":
            return [IsVendor()]
        return [IsAuthenticated(), (IsAdminUserType | IsOwner)()]

    def get_serializer_class(self):
        user = self.request.user
        if self.action == "partial_update" and user.is_authenticated and user.is_admin_type:
            return AdminVendorProfileSerializer
        return VendorProfileSerializer

    def owner_of(self, profile):
        return profile.user

    def check_object_permissions(self, request, obj):
        # An admin may update any profile, but deleting stays with its owner.
        if self.action == "destroy" and obj.user != request.user:
            self.permission_denied(request, message=IsOwner.message)
        super().check_object_permissions(request, obj)

    def perform_create(self, serializer):
        serializer.instance = services.vendor_profile_create(
            user=self.request.user, **serializer.validated_data
        )

    def perform_update(self, serializer):
        services.vendor_profile_update(profile=serializer.instance, data=serializer.validated_data)

    def perform_destroy(self, instance):
        services.vendor_profile_delete(profile=instance)


# --- Services ---------------------------------------------------------------------------------

SERVICE_LIST_DESCRIPTION = (
    "A vendor sees their own services; students, admins and anonymous users see every "
    "service of an active vendor (account and profile active). Newest first by default."
)


@extend_schema(tags=["services"])
@extend_schema_view(
    list=extend_schema(
        summary="List services",
        description=SERVICE_LIST_DESCRIPTION,
        responses={200: ServiceSerializer(many=True), **errors(400)},
    ),
    retrieve=extend_schema(
        summary="One service, with its items and the vendor's business name",
        responses={200: ServiceDetailSerializer, **errors(404)},
    ),
    create=extend_schema(
        summary="Create a service",
        request=ServiceSerializer,
        description=(
            "Vendors only; the vendor is always the caller. JSON, or multipart with `images`."
        ),
        responses={201: ServiceDetailSerializer, **errors(400, 401, 403)},
    ),
    update=extend_schema(
        summary="Replace a service",
        request=ServiceSerializer,
        description="The owning vendor. A new `images` file replaces the old one.",
        responses={200: ServiceDetailSerializer, **errors(400, 401, 403, 404)},
    ),
    partial_update=extend_schema(
        summary="Update a service",
        request=ServiceSerializer,
        description=(
            "The owning vendor. A new `images` file replaces the old one, which is deleted "
            "from storage; `images: null` (or an empty multipart value) removes it."
        ),
        responses={200: ServiceDetailSerializer, **errors(400, 401, 403, 404)},
    ),
    destroy=extend_schema(
        summary="Delete a service",
        description=(
            "The owning vendor. Deleted with its image files; a service that has orders is "
            "deactivated instead (hidden, unavailable) and its orders keep their history."
        ),
        responses={204: None, **errors(401, 403, 404)},
    ),
)
class ServiceViewSet(AnonymousCacheMixin, viewsets.ModelViewSet):
    lookup_value_regex = ID_REGEX
    filter_backends = [DjangoFilterBackend]
    filterset_class = ServiceFilter

    def get_queryset(self):
        user = self.request.user
        if self.action in {"list", "by_type", "by_category"}:
            return selectors.service_list_for(user)
        return selectors.with_active_items(selectors.service_visible_to(user))

    def get_permissions(self):
        if self.action in {"list", "retrieve", "by_type", "by_category"}:
            return [AllowAny()]
        if self.action == "create":
            return [IsVendor()]
        return [IsAuthenticated(), IsOwner()]

    def get_serializer_class(self):
        if self.action in {"list", "by_type", "by_category"}:
            return ServiceSerializer
        return ServiceDetailSerializer

    def owner_of(self, service):
        return service.vendor

    def _detail_response(self, service, status_code=status.HTTP_200_OK):
        service = selectors.with_active_items(selectors.service_visible_to(self.request.user)).get(
            pk=service.pk
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

    @extend_schema(
        summary="Change a service's availability",
        description=(
            "The owning vendor. Explicit values win. Only `availability_status` sent: "
            "`is_available` becomes true for `available`, false otherwise. Only "
            "`is_available` sent: the status becomes `available` or `unavailable`."
        ),
        request=AvailabilitySerializer,
        responses={200: ServiceDetailSerializer, **errors(400, 401, 403, 404)},
    )
    @action(detail=True, methods=["post"])
    def update_availability(self, request, pk=None):
        service = self.get_object()
        serializer = AvailabilitySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        services.service_set_availability(service=service, **serializer.validated_data)
        return self._detail_response(service)

    @extend_schema(
        summary="Services of one type",
        parameters=[
            OpenApiParameter("type", str, required=True, enum=ServiceType.values),
        ],
        responses={200: ServiceSerializer(many=True), **errors(400)},
    )
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

    @extend_schema(
        summary="Services of one category",
        parameters=[
            OpenApiParameter("category", str, required=True, enum=Category.values),
        ],
        responses={200: ServiceSerializer(many=True), **errors(400)},
    )
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


# --- Service items -----------------------------------------------------------------------------


@extend_schema(
    tags=["service items"],
    parameters=[OpenApiParameter("service_pk", OpenApiTypes.INT, OpenApiParameter.PATH)],
)
@extend_schema_view(
    list=extend_schema(
        summary="A service's items",
        responses={200: ServiceItemSerializer(many=True), **errors(404)},
    ),
    retrieve=extend_schema(
        summary="One item", responses={200: ServiceItemSerializer, **errors(404)}
    ),
    create=extend_schema(
        summary="Add an item to a service",
        description="The owning vendor. Item names are unique within a service; `price` >= 0.",
        responses={201: ServiceItemSerializer, **errors(400, 401, 403, 404)},
    ),
    partial_update=extend_schema(
        summary="Update an item",
        description="The owning vendor. A new `image` replaces the old file.",
        responses={200: ServiceItemSerializer, **errors(400, 401, 403, 404)},
    ),
    destroy=extend_schema(
        summary="Delete an item",
        description=(
            "The owning vendor. An item that was ordered is deactivated instead, so the "
            "orders keep their lines."
        ),
        responses={204: None, **errors(401, 403, 404)},
    ),
)
class ServiceItemViewSet(AnonymousCacheMixin, viewsets.ModelViewSet):
    serializer_class = ServiceItemSerializer
    lookup_value_regex = ID_REGEX
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    filter_backends = []

    def get_permissions(self):
        if self.action in {"list", "retrieve"}:
            return [AllowAny()]
        return [IsAuthenticated(), IsOwner()]

    def owner_of(self, item):
        return self.service.vendor

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.service = get_object_or_404(
            selectors.service_visible_to(request.user), pk=kwargs["service_pk"]
        )
        if self.action == "create":
            # Creating has no object yet: the service is what is owned.
            self.check_object_permissions(request, self.service)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no request
            return ServiceItem.objects.none()
        return selectors.service_items(self.service)

    def perform_create(self, serializer):
        serializer.instance = services.service_item_create(
            service=self.service, **serializer.validated_data
        )

    def perform_update(self, serializer):
        services.service_item_update(item=serializer.instance, data=serializer.validated_data)

    def perform_destroy(self, instance):
        services.service_item_delete(item=instance)
