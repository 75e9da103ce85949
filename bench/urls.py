"""The project's URLs, with the ceiling view resolved before the web app's catch-all."""

from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as project_urlpatterns


def ceiling(request):
    """The cheapest Django response: the full middleware stack, no database, no DRF."""
    return HttpResponse(b'{"ok":true}', content_type="application/json")


urlpatterns = [path("bench/ceiling/", ceiling), *project_urlpatterns]
