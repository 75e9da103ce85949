from django.urls import re_path
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("vendor-profiles", views.VendorProfileViewSet, basename="vendor-profile")
router.register("services", views.ServiceViewSet, basename="service")

SERVICE = rf"^services/(?P<service_pk>{views.ID_REGEX})/items/"
item_list = views.ServiceItemViewSet.as_view({"get": "list", "post": "create"})
item_detail = views.ServiceItemViewSet.as_view(
    {"get": "retrieve", "patch": "partial_update", "delete": "destroy"}
)

urlpatterns = [
    *router.urls,
    re_path(rf"{SERVICE}$", item_list, name="service-item-list"),
    re_path(rf"{SERVICE}(?P<pk>{views.ID_REGEX})/$", item_detail, name="service-item-detail"),
]
