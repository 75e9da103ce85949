"""GET /api/services/{id}/reviews/: a service's reviews, newest first.

The URL sits under the catalogue's services, but the read is the reviews'
domain, so it lives here and only reads down into the catalogue (which
services the caller may see). Its schema entry keeps the operation id, tag
and texts it had as an action of the service view set.
"""

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics
from rest_framework.permissions import AllowAny

from catalogue.selectors import service_visible_to
from reviews import selectors
from reviews.models import Review

from .serializers import ReviewSerializer

SERVICE_ID_REGEX = "[0-9]{1,18}"

# Inherited from the service view set's docstring when this was its action; kept
# word for word so the published schema does not change.
_DESCRIPTION = (
    "Anonymous reads are served from the versioned catalogue cache.\n\n"
    "The key holds the whole absolute URL: responses carry absolute image\n"
    "URLs, so two host names must not share an entry. Authenticated reads are\n"
    "never cached (a vendor sees their own view)."
)


class ServiceReviewsView(generics.ListAPIView):
    serializer_class = ReviewSerializer
    permission_classes = [AllowAny]
    filter_backends = []

    @extend_schema(
        operation_id="services_reviews_list",
        tags=["services"],
        summary="A service's reviews, newest first",
        description=_DESCRIPTION,
        parameters=[
            OpenApiParameter(
                "id", str, OpenApiParameter.PATH, required=True, pattern=f"^{SERVICE_ID_REGEX}$"
            )
        ],
        responses={
            200: ReviewSerializer(many=True),
            404: OpenApiResponse(description="No such object, or not visible to the caller"),
        },
    )
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # schema generation: no request
            return Review.objects.none()
        service = get_object_or_404(service_visible_to(self.request.user), pk=self.kwargs["pk"])
        return selectors.service_reviews(service_id=service.pk)
