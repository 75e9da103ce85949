from django.urls import re_path
from rest_framework.routers import SimpleRouter

from .service_reviews import SERVICE_ID_REGEX, ServiceReviewsView
from .views import ReviewViewSet

router = SimpleRouter()
router.register("reviews", ReviewViewSet, basename="review")

urlpatterns = [
    *router.urls,
    # Named ``pk`` like the router's routes, so the schema lists the path where
    # it always stood (published as ``{id}``).
    re_path(
        rf"^services/(?P<pk>{SERVICE_ID_REGEX})/reviews/$",
        ServiceReviewsView.as_view(),
        name="service-reviews",
    ),
]
