from django.urls import path

from . import views

urlpatterns = [
    path("payments/webhook/", views.webhook, name="payments-webhook"),
    path("payments/<str:reference>/verify/", views.verify, name="payments-verify"),
]
