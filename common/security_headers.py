"""Content-Security-Policy and Permissions-Policy on every response.

The web app keeps its tokens in localStorage, so an injected script would own
the session: its pages allow scripts from this origin only (no inline
script, no eval), talk to this origin only, and show images from here, from
``data:``/``blob:`` URLs (previews of a file being uploaded) and from the
media origin. The API docs and the admin get the same policy plus inline
styles, which Swagger UI and the admin's templates use; the API docs' init
script is served as a file (``SpectacularSwaggerSplitView``) so no inline
script is needed anywhere. JSON answers allow nothing at all.

This middleware sits outermost, so it also covers what WhiteNoise serves.
"""

from urllib.parse import urlsplit

from django.conf import settings

PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'"


def media_origins() -> list[str]:
    """Where uploaded images are served from, when not from this origin."""
    origins = list(settings.CSP_MEDIA_ORIGINS)
    parts = urlsplit(settings.MEDIA_URL)
    if parts.scheme and parts.netloc:
        origins.append(f"{parts.scheme}://{parts.netloc}")
    return origins


def page_policy(*, inline_styles: bool) -> str:
    styles = "'self' 'unsafe-inline'" if inline_styles else "'self'"
    images = " ".join(["'self'", "data:", "blob:", *media_origins()])
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            f"style-src {styles}",
            f"img-src {images}",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def policy_for(path: str, content_type: str) -> str:
    if path.startswith("/api/docs/"):
        return page_policy(inline_styles=True)
    if path.startswith("/api/") or "json" in content_type:
        return API_POLICY
    if path.startswith(("/admin/", "/static/")):
        return page_policy(inline_styles=True)
    return page_policy(inline_styles=False)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        content_type = response.get("Content-Type", "")
        response.setdefault("Content-Security-Policy", policy_for(request.path, content_type))
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
