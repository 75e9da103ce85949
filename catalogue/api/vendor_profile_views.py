"""/api/vendor-profiles/: a vendor's public business profile."""

from drf_spectacular.utils import extend_schema
from rest_framework import filters, viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated

from catalogue import selectors, services
from common.filters import FilterBackend
from common.parsers import UPLOAD_PARSERS
from common.permissions import IsAdminUserType, IsVendor
from common.throttles import UploadThrottle
from common.viewsets import ActionTablesMixin

from .base import ID_REGEX, IsOwner
from .caching import AnonymousCacheMixin
from .filters import VendorProfileFilter
from .schema import vendor_profile_schema
from .serializers import AdminVendorProfileSerializer, VendorProfileSerializer
from .verification_views import OwnerOrAdminReads, VerificationActionsMixin


@extend_schema(tags=["vendor profiles"])
@vendor_profile_schema
class VendorProfileViewSet(
    AnonymousCacheMixin, ActionTablesMixin, VerificationActionsMixin, viewsets.ModelViewSet
):
    parser_classes = UPLOAD_PARSERS
    throttle_classes = [UploadThrottle]
    serializer_class = VendorProfileSerializer
    lookup_value_regex = ID_REGEX
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    filter_backends = [FilterBackend, filters.SearchFilter]
    filterset_class = VendorProfileFilter
    search_fields = ["business_name", "description", "address"]

    action_permissions = {
        "list": [AllowAny],
        "retrieve": [AllowAny],
        "create": [IsVendor],
        # An admin may update any profile, but deleting stays with its owner.
        "destroy": [IsAuthenticated, IsOwner],
        "mine": [IsVendor],
        "verification": [IsAuthenticated, OwnerOrAdminReads],
        "verification_decision": [IsAdminUserType],
        # Checked in the view: anyone but the owner or an admin gets 404.
        "verification_document": [AllowAny],
    }
    default_permissions = [IsAuthenticated, IsAdminUserType | IsOwner]
    # Only an admin's update may change is_verified and is_active.
    admin_serializers = {"partial_update": AdminVendorProfileSerializer}

    def get_queryset(self):
        if self.action == "list":
            return selectors.vendor_profile_list()
        return selectors.vendor_profile_visible_to(self.request.user)

    def get_serializer_class(self):
        user = self.request.user
        if user.is_authenticated and user.is_admin_type and self.action in self.admin_serializers:
            return self.admin_serializers[self.action]
        return super().get_serializer_class()

    def owner_of(self, profile):
        return profile.user

    def perform_create(self, serializer):
        serializer.instance = services.vendor_profile_create(
            user=self.request.user, **serializer.validated_data
        )

    def perform_update(self, serializer):
        serializer.instance = services.vendor_profile_update(
            profile=serializer.instance, data=serializer.validated_data, actor=self.request.user
        )

    def perform_destroy(self, instance):
        services.vendor_profile_delete(profile=instance)
