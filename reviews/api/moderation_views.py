"""/api/reviews/{id}/report/, /moderate/ and /reply/: actions of the review
view set (mixed in), so the review is found with the same visibility rule."""

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.response import Response

from common.throttles import ReportCreateThrottle
from reviews import moderation, replies

from .serializers import (
    ReviewModerateSerializer,
    ReviewReplySerializer,
    ReviewReportSerializer,
    ReviewSerializer,
)

E400 = OpenApiResponse(description='Field errors, e.g. `{"reason": ["..."]}`')
E401 = OpenApiResponse(description="Missing or invalid token")
E404 = OpenApiResponse(description="No such review, or not visible to the caller")
E429 = OpenApiResponse(description="Too many reports; see `Retry-After`")


class ModerationActionsMixin:
    @extend_schema(
        summary="Report a review",
        description=(
            "Any signed-in user but its author, once per review (again: 400). When open "
            "reports from `REVIEW_HIDE_AFTER_REPORTS` (default 3) different users are reached, "
            "the review is held: out of public lists and the service's rating until an admin "
            "decides."
        ),
        request=ReviewReportSerializer,
        responses={
            201: ReviewReportSerializer,
            400: E400,
            401: E401,
            403: OpenApiResponse(description="Reporting one's own review"),
            404: E404,
            429: E429,
        },
    )
    @action(detail=True, methods=["post"], throttle_classes=[ReportCreateThrottle])
    def report(self, request, pk=None):
        review = self.get_object()
        serializer = ReviewReportSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        report = moderation.review_report(
            review_id=review.pk, reporter=request.user, **serializer.validated_data
        )
        return Response(ReviewReportSerializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Keep or remove a reported review (admins)",
        description=(
            "`keep` closes its open reports and lists it again; `remove` closes them and "
            "hides it for good (its author still reads it, with `removed: true`). The "
            "service's rating is recomputed. A removed review cannot be moderated again (400)."
        ),
        request=ReviewModerateSerializer,
        responses={
            200: ReviewSerializer,
            400: E400,
            401: E401,
            403: OpenApiResponse(description="Not an admin"),
            404: E404,
        },
    )
    @action(detail=True, methods=["post"])
    def moderate(self, request, pk=None):
        review = self.get_object()
        serializer = ReviewModerateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        review = moderation.review_moderate(
            review_id=review.pk, actor=request.user, **serializer.validated_data
        )
        return Response(self._read(review))

    @extend_schema(
        methods=["PUT"],
        summary="Reply to a review (the service's vendor)",
        description=(
            "Sets or replaces the review's `vendor_reply`; the author is notified "
            "(`review_reply`) when the text changes."
        ),
        request=ReviewReplySerializer,
        responses={
            200: ReviewSerializer,
            400: E400,
            401: E401,
            403: OpenApiResponse(description="Not the reviewed service's vendor"),
            404: E404,
        },
    )
    @extend_schema(
        methods=["DELETE"],
        summary="Delete the reply to a review (the service's vendor)",
        description="Deleting a reply that does not exist is not an error.",
        request=None,
        responses={
            204: OpenApiResponse(description="No reply any more"),
            401: E401,
            403: OpenApiResponse(description="Not the reviewed service's vendor"),
            404: E404,
        },
    )
    @action(detail=True, methods=["put", "delete"])
    def reply(self, request, pk=None):
        review = self.get_object()
        if request.method == "DELETE":
            replies.review_reply_delete(review=review, vendor=request.user)
            return Response(status=status.HTTP_204_NO_CONTENT)
        serializer = ReviewReplySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        review = replies.review_reply_set(
            review=review, vendor=request.user, **serializer.validated_data
        )
        return Response(self._read(review))
