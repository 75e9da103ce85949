from django.urls import path, re_path

from . import views

# The characters a provider's reference may hold; anything else is a 404 before any lookup.
REFERENCE = r"(?P<reference>[A-Za-z0-9_.=-]{1,64})"

urlpatterns = [
    path("payments/webhook/", views.webhook, name="payments-webhook"),
    re_path(rf"^payments/{REFERENCE}/verify/$", views.verify, name="payments-verify"),
]
