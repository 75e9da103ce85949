"""OpenAPI texts of the catalogue endpoints, kept apart from the view code so
the views read as what they do. Each constant decorates one view set or action."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view

from catalogue.models import Category, ServiceType

from .base import errors
from .serializers import (
    AdminVendorProfileSerializer,
    AvailabilitySerializer,
    SearchResultSerializer,
    ServiceDetailSerializer,
    ServiceItemSerializer,
    ServiceSerializer,
    VendorProfileSerializer,
)

# --- Vendor profiles -----------------------------------------------------------------------

vendor_profile_schema = extend_schema_view(
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

# --- Services ---------------------------------------------------------------------------------

SERVICE_LIST_DESCRIPTION = (
    "A vendor sees their own services; students, admins and anonymous users see every "
    "service of an active vendor (account and profile active). Newest first by default."
)

service_schema = extend_schema_view(
    list=extend_schema(
        summary="List services",
        description=SERVICE_LIST_DESCRIPTION,
        responses={200: SearchResultSerializer(many=True), **errors(400)},
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

update_availability_schema = extend_schema(
    summary="Change a service's availability",
    description=(
        "The owning vendor. Explicit values win. Only `availability_status` sent: "
        "`is_available` becomes true for `available` and `busy` (busy still takes orders, "
        "with a longer wait), false for `unavailable` and `closed`. Only "
        "`is_available` sent: the status becomes `available` or `unavailable`."
    ),
    request=AvailabilitySerializer,
    responses={200: ServiceDetailSerializer, **errors(400, 401, 403, 404)},
)

by_type_schema = extend_schema(
    summary="Services of one type",
    parameters=[
        OpenApiParameter("type", str, required=True, enum=ServiceType.values),
    ],
    responses={200: ServiceSerializer(many=True), **errors(400)},
)

by_category_schema = extend_schema(
    summary="Services of one category",
    parameters=[
        OpenApiParameter("category", str, required=True, enum=Category.values),
    ],
    responses={200: ServiceSerializer(many=True), **errors(400)},
)

# --- Service items -----------------------------------------------------------------------------

service_item_tags = extend_schema(
    tags=["service items"],
    parameters=[OpenApiParameter("service_pk", OpenApiTypes.INT, OpenApiParameter.PATH)],
)

service_item_schema = extend_schema_view(
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
