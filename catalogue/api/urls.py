from django.urls import re_path
from rest_framework.routers import SimpleRouter

from . import option_views, schedule, views

router = SimpleRouter()
router.register("vendor-profiles", views.VendorProfileViewSet, basename="vendor-profile")
router.register("services", views.ServiceViewSet, basename="service")

SERVICE = rf"^services/(?P<service_pk>{views.ID_REGEX})/items/"
item_list = views.ServiceItemViewSet.as_view({"get": "list", "post": "create"})
item_detail = views.ServiceItemViewSet.as_view(
    {"get": "retrieve", "patch": "partial_update", "delete": "destroy"}
)

CALENDAR = rf"^services/(?P<service_pk>{views.ID_REGEX})/"

urlpatterns = [
    *router.urls,
    re_path(rf"{CALENDAR}hours/$", schedule.ServiceHoursView.as_view(), name="service-hours"),
    re_path(
        rf"{CALENDAR}closures/$", schedule.ServiceClosuresView.as_view(), name="service-closures"
    ),
    re_path(
        rf"{CALENDAR}closures/(?P<closure_id>{views.ID_REGEX})/$",
        schedule.ServiceClosureDetailView.as_view(),
        name="service-closure-detail",
    ),
    re_path(rf"{CALENDAR}pause/$", schedule.ServicePauseView.as_view(), name="service-pause"),
    re_path(rf"{CALENDAR}slots/$", schedule.ServiceSlotsView.as_view(), name="service-slots"),
    re_path(rf"{SERVICE}$", item_list, name="service-item-list"),
    re_path(rf"{SERVICE}(?P<pk>{views.ID_REGEX})/$", item_detail, name="service-item-detail"),
    re_path(
        rf"{SERVICE}(?P<item_pk>{views.ID_REGEX})/option-groups/$",
        option_views.OptionGroupsView.as_view(),
        name="service-item-option-groups",
    ),
    re_path(
        rf"{SERVICE}(?P<item_pk>{views.ID_REGEX})/option-groups/(?P<group_pk>{views.ID_REGEX})/$",
        option_views.OptionGroupDetailView.as_view(),
        name="service-item-option-group-detail",
    ),
]
