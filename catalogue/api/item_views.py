"""/api/services/{service_pk}/items/: the priced items of one service."""

from django.shortcuts import get_object_or_404
from rest_framework import viewsets
from rest_framework.permissions import AllowAny, IsAuthenticated

from catalogue import selectors, services
from catalogue.models import ServiceItem
from common.parsers import UPLOAD_PARSERS
from common.throttles import UploadThrottle
from common.viewsets import ActionTablesMixin

from .base import ID_REGEX, IsOwner
from .caching import AnonymousCacheMixin
from .schema import service_item_schema, service_item_tags
from .serializers import ServiceItemSerializer


@service_item_tags
@service_item_schema
class ServiceItemViewSet(AnonymousCacheMixin, ActionTablesMixin, viewsets.ModelViewSet):
    parser_classes = UPLOAD_PARSERS
    throttle_classes = [UploadThrottle]
    serializer_class = ServiceItemSerializer
    lookup_value_regex = ID_REGEX
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    filter_backends = []

    action_permissions = {"list": [AllowAny], "retrieve": [AllowAny]}
    default_permissions = [IsAuthenticated, IsOwner]

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
        serializer.instance = services.service_item_update(
            item=serializer.instance, data=serializer.validated_data
        )

    def perform_destroy(self, instance):
        services.service_item_delete(item=instance)
