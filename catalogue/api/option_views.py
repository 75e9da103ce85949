"""/api/services/{id}/items/{item_id}/option-groups/: an item's option groups,
written by the service's vendor (read with the item itself)."""

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from catalogue import options, selectors
from catalogue.models import OptionGroup

from .base import errors
from .serializers import OptionGroupSerializer

OWNER_ONLY = "Only the service's vendor can change its items' options."
PATH = [
    OpenApiParameter("service_pk", OpenApiTypes.INT, OpenApiParameter.PATH),
    OpenApiParameter("item_pk", OpenApiTypes.INT, OpenApiParameter.PATH),
]
RULES = (
    "The owning vendor. 1 to 30 options with names unique within the group; "
    "`0 ≤ min_choices ≤ max_choices ≤` the number of options and `max_choices ≥ 1`; "
    "`price_delta ≥ 0` (default `0.00`); at most 10 groups per item, names unique within "
    "the item. Anything else → 400 and nothing stored. Placed orders keep what they chose."
)


class OptionInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    price_delta = serializers.DecimalField(
        max_digits=10, decimal_places=2, min_value=0, required=False, default="0.00"
    )
    is_available = serializers.BooleanField(required=False, default=True)


class OptionGroupInputSerializer(serializers.Serializer):
    # Ranges against the options are checked by catalogue.options.validate_group.
    name = serializers.CharField(max_length=100)
    min_choices = serializers.IntegerField(min_value=0, max_value=options.MAX_OPTIONS)
    max_choices = serializers.IntegerField(min_value=1, max_value=options.MAX_OPTIONS)
    options = OptionInputSerializer(many=True, allow_empty=False, max_length=options.MAX_OPTIONS)


class OptionGroupReplaceSerializer(OptionGroupInputSerializer):
    position = serializers.IntegerField(
        min_value=0,
        max_value=options.MAX_GROUPS - 1,
        required=False,
        help_text="Optional: move the group to this place (0 = first) among the item's groups.",
    )


class _ItemOptionsView(APIView):
    permission_classes = [IsAuthenticated]

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        service = get_object_or_404(
            selectors.service_visible_to(request.user), pk=kwargs["service_pk"]
        )
        self.item = get_object_or_404(selectors.service_items(service), pk=kwargs["item_pk"])
        if service.vendor_id != request.user.pk:
            raise PermissionDenied(OWNER_ONLY)

    input_serializer = OptionGroupInputSerializer

    def body(self) -> dict:
        body = self.input_serializer(data=self.request.data)
        body.is_valid(raise_exception=True)
        return body.validated_data

    def answer(self, group: OptionGroup, status_code=status.HTTP_200_OK) -> Response:
        group = OptionGroup.objects.prefetch_related("options").get(pk=group.pk)
        return Response(OptionGroupSerializer(group).data, status=status_code)


@extend_schema(tags=["services"], parameters=PATH)
class OptionGroupsView(_ItemOptionsView):
    @extend_schema(
        summary="Add an option group to an item",
        description=RULES,
        request=OptionGroupInputSerializer,
        responses={201: OptionGroupSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request, service_pk, item_pk):
        group = options.option_group_create(item=self.item, **self.body())
        return self.answer(group, status.HTTP_201_CREATED)


@extend_schema(
    tags=["services"],
    parameters=[*PATH, OpenApiParameter("group_pk", OpenApiTypes.INT, OpenApiParameter.PATH)],
)
class OptionGroupDetailView(_ItemOptionsView):
    input_serializer = OptionGroupReplaceSerializer

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.group = get_object_or_404(OptionGroup, pk=kwargs["group_pk"], item=self.item)

    @extend_schema(
        summary="Replace an option group and its options",
        description=RULES
        + " An option whose name is unchanged keeps its id. An optional `position` (0 = first)"
        " moves the group to that place among the item's groups.",
        request=OptionGroupReplaceSerializer,
        responses={200: OptionGroupSerializer, **errors(400, 401, 403, 404)},
    )
    def put(self, request, service_pk, item_pk, group_pk):
        return self.answer(options.option_group_replace(group=self.group, **self.body()))

    @extend_schema(
        summary="Delete an option group",
        description="The owning vendor. Placed orders keep what they chose.",
        responses={204: None, **errors(401, 403, 404)},
    )
    def delete(self, request, service_pk, item_pk, group_pk):
        options.option_group_delete(group=self.group)
        return Response(status=status.HTTP_204_NO_CONTENT)
