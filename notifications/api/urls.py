from django.urls import path
from rest_framework.routers import SimpleRouter

from .stream import event_stream
from .views import NotificationViewSet, TicketView

router = SimpleRouter()
router.register("notifications", NotificationViewSet, basename="notification")

urlpatterns = [
    *router.urls,
    path("events/ticket/", TicketView.as_view(), name="event-ticket"),
    path("events/", event_stream, name="event-stream"),
]
