from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from common.views import health, site_config, web_app
from payments.api.checkout import checkout

admin.site.site_header = admin.site.site_title = settings.ADMIN_SITE_HEADER
admin.site.index_title = "Marketplace operations"

api_patterns = [
    path("health/", health, name="health"),
    path("config/", site_config, name="site-config"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="schema", template_name="common/api_docs.html"
        ),
        name="docs",
    ),
    path("", include("users.api.urls")),
    path("", include("catalogue.api.urls")),
    path("", include("orders.api.urls")),
    path("", include("bookings.api.urls")),
    path("", include("reviews.api.urls")),
    path("", include("notifications.api.urls")),
    path("", include("payments.api.urls")),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    # The dummy payment provider's checkout page (server-rendered, not the API).
    # Any reference reaches the view, which answers 404 for one of the wrong
    # shape: the web app's catch-all must never answer for this path.
    re_path(r"^pay/(?P<reference>.+)/$", checkout, name="payments-checkout"),
    path("api/", include(api_patterns)),
]


# Stored names are random and never reused (a replaced image gets a new
# name, and so do its variants), so a media file never changes under its URL.
MEDIA_CACHE_CONTROL = "public, max-age=31536000, immutable"


def serve_media(request, path):
    """Serve a stored file as it is. Nothing is made here: variants are
    written once after their upload commits (catalogue.services), so any
    other name, a variant-looking one included, is a 404 that decodes no
    image and writes nothing."""
    # MEDIA_ROOT is read per request, not bound at import, so it can change (tests).
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = MEDIA_CACHE_CONTROL
    return response


if settings.SERVE_MEDIA:
    media_prefix = settings.MEDIA_URL.strip("/")
    urlpatterns.append(re_path(rf"^{media_prefix}/(?P<path>.*)$", serve_media))

# Everything else is a page of the web app (client-side routing).
urlpatterns.append(re_path(r"^(?!api/|admin/|static/|media/)(?P<path>.*)$", web_app))
