"""The REST framework, the OpenAPI schema and CORS."""

from config.settings.core import DEBUG
from config.settings.env import env_int, env_list, env_str

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["users.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON only; views that receive files add multipart (common.parsers.UPLOAD_PARSERS).
    "DEFAULT_PARSER_CLASSES": ["common.parsers.SafeJSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "common.pagination.PageNumberPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": [
        "common.filters.FilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "common.schema.AutoSchema",
    "EXCEPTION_HANDLER": "common.exceptions.exception_handler",
    "DEFAULT_THROTTLE_RATES": {
        # Per account: a burst of failed passwords for one email.
        "login_account": env_str("LOGIN_ACCOUNT_RATE", "10/min"),
        # Per client address: far above a campus NAT's hundreds of logins a minute.
        "login_client": env_str("LOGIN_CLIENT_RATE", "3000/min"),
        "register_client": env_str("REGISTER_CLIENT_RATE", "3000/hour"),
        # Password reset requests: per email (the inbox a stranger could flood)
        # and per client address (a campus NAT stays far below it).
        "password_reset_email": env_str("PASSWORD_RESET_EMAIL_RATE", "5/hour"),
        "password_reset_client": env_str("PASSWORD_RESET_CLIENT_RATE", "300/hour"),
        # Sending the verification email again, per user.
        "verify_email_resend": env_str("VERIFY_EMAIL_RESEND_RATE", "5/hour"),
        # Writes per user (common/throttles.py): far above what a person does by
        # hand, far below what a script does (300 bookings in 5 s).
        "orders": env_str("ORDER_RATE", "30/min"),
        "bookings": env_str("BOOKING_RATE", "30/min"),
        "reviews": env_str("REVIEW_RATE", "20/min"),
        "reports": env_str("REPORT_RATE", "20/min"),
        "stream_tickets": env_str("STREAM_TICKET_RATE", "60/min"),
        "closures": env_str("CLOSURE_RATE", "30/min"),
        "uploads": env_str("UPLOAD_RATE", "30/min"),
    },
    # How many reverse proxies sit in front (for the client address in throttles).
    "NUM_PROXIES": env_int("NUM_PROXIES", 0) or None,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
if DEBUG:
    REST_FRAMEWORK["DEFAULT_RENDERER_CLASSES"].append(
        "rest_framework.renderers.BrowsableAPIRenderer"
    )

SPECTACULAR_SETTINGS = {
    "TITLE": "Campus Services Marketplace API",
    "DESCRIPTION": (
        "Campus vendors publish services with priced items; students order and review; "
        "vendors run orders to completion. Authenticate with `Authorization: Bearer <access>` "
        "from POST /api/users/login/."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Event kinds of each domain keep their own name instead of colliding as "KindEnum".
    "ENUM_NAME_OVERRIDES": {
        "BookingEventKindEnum": "bookings.models.BookingEventKind",
        "PaymentMethodEnum": "payments.models.PaymentMethod",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "common.schema.document_shared_errors",
        "notifications.schema.document_event_stream",
    ],
}

# --- CORS ---------------------------------------------------------------------------
CORS_ALLOWED_ORIGINS = env_list(
    "CORS_ALLOWED_ORIGINS", ["http://localhost:3000", "http://127.0.0.1:3000"]
)
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_HEADERS = (
    "accept",
    "authorization",
    "content-type",
    "idempotency-key",
    "origin",
    "user-agent",
    "x-requested-with",
)
CORS_EXPOSE_HEADERS = ["Retry-After"]
