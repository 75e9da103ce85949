from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import AllowAny, BasePermission, IsAuthenticated
from rest_framework.response import Response

from common.permissions import IsAdminUserType, IsStudent
from common.throttles import ReviewCreateThrottle
from common.viewsets import ActionTablesMixin
from reviews import selectors, services
from reviews.models import Review
from users.permissions import HasVerifiedEmail

from .moderation_views import ModerationActionsMixin
from .serializers import ReviewCreateSerializer, ReviewSerializer, ReviewUpdateSerializer


class IsReviewAuthor(BasePermission):
    message = "Only the review's author can change it."

    def has_object_permission(self, request, view, obj):
        return obj.user_id == request.user.id


ERRORS_400 = OpenApiResponse(description='Field errors, e.g. `{"rating": ["..."]}`')
NO_TOKEN_401 = OpenApiResponse(description="Missing or invalid token")
NOT_AUTHOR_403 = OpenApiResponse(description="Not the review's author")
NOT_FOUND_404 = OpenApiResponse(description="No such review")
REVIEW_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH)


@extend_schema_view(
    list=extend_schema(
        summary="List reviews",
        description="Public, newest first, paginated.",
        parameters=[
            OpenApiParameter("service", OpenApiTypes.INT, description="Reviews of this service"),
            OpenApiParameter("user", OpenApiTypes.INT, description="Reviews by this user"),
            OpenApiParameter(
                "rating", OpenApiTypes.INT, description="Reviews with this rating (1-5)"
            ),
        ],
        responses={200: ReviewSerializer(many=True), 400: ERRORS_400},
    ),
    retrieve=extend_schema(
        summary="Get a review",
        description="Public.",
        parameters=[REVIEW_ID],
        responses={200: ReviewSerializer, 404: NOT_FOUND_404},
    ),
    create=extend_schema(
        summary="Review a service (students)",
        description=(
            "`user` is the caller. `rating` is a whole number 1-5. One review per student per "
            "service: a second one is a 400 "
            '`{"non_field_errors": ["You have already reviewed this service"]}`. '
            "Updates the service's `rating` and `total_ratings`."
        ),
        request=ReviewCreateSerializer,
        responses={
            201: ReviewSerializer,
            400: ERRORS_400,
            401: NO_TOKEN_401,
            403: OpenApiResponse(description="Not a student, or an unverified email"),
        },
    ),
    partial_update=extend_schema(
        summary="Change a review's rating or comment (its author)",
        description="`service` and `user` never change; if sent they are ignored.",
        parameters=[REVIEW_ID],
        request=ReviewUpdateSerializer,
        responses={
            200: ReviewSerializer,
            400: ERRORS_400,
            401: NO_TOKEN_401,
            403: NOT_AUTHOR_403,
            404: NOT_FOUND_404,
        },
    ),
    destroy=extend_schema(
        summary="Delete a review (its author)",
        description="Takes the review out of the service's `rating` and `total_ratings`.",
        parameters=[REVIEW_ID],
        responses={
            204: OpenApiResponse(description="Deleted"),
            401: NO_TOKEN_401,
            403: NOT_AUTHOR_403,
            404: NOT_FOUND_404,
        },
    ),
)
@extend_schema(tags=["reviews"])
class ReviewViewSet(
    ActionTablesMixin,
    ModerationActionsMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    """Students rate services they used; anyone reads the reviews. No PUT: the
    contract offers PATCH only."""

    throttle_classes = [ReviewCreateThrottle]

    serializer_class = ReviewSerializer
    lookup_value_regex = "[0-9]{1,18}"
    # Filtering is the selector's; ordering is always newest first.
    filter_backends = []
    action_permissions = {
        "create": [IsStudent, HasVerifiedEmail],
        "partial_update": [IsAuthenticated, IsReviewAuthor],
        "destroy": [IsAuthenticated, IsReviewAuthor],
        "report": [IsAuthenticated],
        "moderate": [IsAdminUserType],
        # The service checks that the caller is the reviewed service's vendor (403).
        "reply": [IsAuthenticated],
    }
    default_permissions = [AllowAny]

    def get_queryset(self):
        if self.action == "list":
            return selectors.review_list(user=self.request.user, filters=self.request.query_params)
        return selectors.reviews_with_verification(selectors.reviews_visible_to(self.request.user))

    def _read(self, review: Review) -> dict:
        """The review as stored, with its ``verified_purchase``."""
        return ReviewSerializer(self.get_queryset().get(pk=review.pk)).data

    def create(self, request):
        serializer = ReviewCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        review = services.review_create(user=request.user, **serializer.validated_data)
        # As read back: the service sets the author and ``verified_purchase``.
        return Response(ReviewSerializer(review).data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, pk=None):
        review = self.get_object()
        serializer = ReviewUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        review = services.review_update(
            review=review, actor=request.user, **serializer.validated_data
        )
        return Response(self._read(review))

    def destroy(self, request, pk=None):
        services.review_delete(review=self.get_object(), actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
