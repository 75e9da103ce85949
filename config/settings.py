"""Django settings, read from the environment.

Every setting that differs between a laptop and a deployment comes from an
environment variable; the defaults are safe for local development only. The
README's configuration table lists them all.
"""

import json
import os
import re
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from common.currencies import ISO_4217_CURRENCIES

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)

_DEV_SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (
    not SECRET_KEY or SECRET_KEY.startswith("django-insecure") or len(SECRET_KEY) < 50
):
    raise ImproperlyConfigured(
        "DEBUG is off: set SECRET_KEY to a random string of at least 50 characters "
        '(python -c "import secrets; print(secrets.token_urlsafe(64))").'
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework_simplejwt",
    # Without the blacklist app, rotation silently leaves old refresh tokens valid.
    "rest_framework_simplejwt.token_blacklist",
    "django_filters",
    "corsheaders",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "common",
    "users",
    "schedule",
    "catalogue",
    "payments",
    "orders",
    "bookings",
    "reviews",
    "notifications",
    "demo",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # Outermost: its headers reach every answer, WhiteNoise's files included.
    "common.security_headers.SecurityHeadersMiddleware",
    # Turns SecurityMiddleware's HTTPS redirect of an /api/ call into a JSON 308.
    "common.middleware.ApiHttpsRedirectMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # Inside CORS (so its headers reach the browser), outside everything else.
    "common.errors.ApiJsonErrorsMiddleware",
    "common.middleware.RejectNulBytesMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Sessions, session users and messages: the admin's, not the API's.
    "common.middleware.OutsideTheApi",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Innermost: an anonymous catalogue read this process answered before is
    # answered again before URL resolution (catalogue/api/caching.py).
    "catalogue.api.caching.StoredAnswerMiddleware",
]
OUTSIDE_API_MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
# The admin's checks look for those three in MIDDLEWARE itself; they run
# inside OutsideTheApi for /admin/ (tests log in and act through the admin).
SILENCED_SYSTEM_CHECKS = ["admin.E408", "admin.E409", "admin.E410"]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------
# SQLite is the embedded default; PostgreSQL (DATABASE_URL=postgres://...) is
# the production database and the one the concurrency guarantees are proven on.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(exist_ok=True)  # the embedded default's home on a fresh clone
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A busy timeout and IMMEDIATE transactions turn concurrent writers into
    # waits instead of "database is locked" errors; WAL lets readers go on.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DB_POOL_MAX_SIZE = env_int("DB_POOL_MAX_SIZE", 4)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and DB_POOL_MAX_SIZE > 0:
    # One psycopg pool per process: a process never holds more than
    # DB_POOL_MAX_SIZE connections, however many threads it runs (gunicorn's
    # gthread workers, the development server's thread per request), so
    # app servers x workers x DB_POOL_MAX_SIZE is the most PostgreSQL sees.
    # A request that waits DB_POOL_TIMEOUT seconds for a connection, or finds
    # the database down, is a 503 with Retry-After (common/errors.py).
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # the pool keeps connections, not Django
    # Idle connections broken by a database restart are replaced before use,
    # so recovery costs no failed request: by common.postgresql, which asks
    # the database only when the socket says something happened (Django's
    # check, psycopg's check_connection, is a round trip on every request).
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = False
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": min(env_int("DB_POOL_MIN_SIZE", 1), DB_POOL_MAX_SIZE),
        "max_size": DB_POOL_MAX_SIZE,
        "timeout": env_float("DB_POOL_TIMEOUT", 5),
        "max_idle": 300,
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server let psycopg prepare a statement once it
    # has run DB_PREPARE_THRESHOLD times on a connection, and PostgreSQL then
    # reuses its plan: planning was 1.2 ms of the 1.5 ms a service detail's
    # query spent in the database (docs/ARCHITECTURE.md, "Speed"). 0 turns
    # it off, e.g. behind a pooler that moves transactions between connections.
    DB_PREPARE_THRESHOLD = env_int("DB_PREPARE_THRESHOLD", 5)
    if DB_PREPARE_THRESHOLD > 0:
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=DB_PREPARE_THRESHOLD
        )
# A process that found the database unreachable answers every API request
# with an immediate 503 for DB_CIRCUIT_OPEN_SECONDS, then lets one request
# probe it (common/circuit.py); 0 turns the circuit off.
DB_CIRCUIT_OPEN_SECONDS = env_float("DB_CIRCUIT_OPEN_SECONDS", 1.0)
# manage.py task_worker waits this long after a database error, doubled per
# failed try up to the maximum, then polls again (it never exits for it).
TASK_WORKER_BACKOFF_SECONDS = env_float("TASK_WORKER_BACKOFF_SECONDS", 0.5)
TASK_WORKER_MAX_BACKOFF_SECONDS = env_float("TASK_WORKER_MAX_BACKOFF_SECONDS", 5.0)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["ENGINE"] = "common.postgresql"  # Django's, with a cheaper pool check
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (and so the rate-limit counters) ------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "common.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "campus"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long public catalogue reads stay cached (seconds); writes invalidate them.
CATALOGUE_CACHE_SECONDS = env_int("CATALOGUE_CACHE_SECONDS", 60)
# When true, a vendor whose profile is not verified is hidden from everyone
# else, like a suspended one (catalogue.selectors.hidden_vendor_q).
REQUIRE_VENDOR_VERIFICATION = env_bool("REQUIRE_VENDOR_VERIFICATION", False)
# Upcoming confirmed bookings one student may hold of one service.
BOOKINGS_PER_SERVICE = env_int("BOOKINGS_PER_SERVICE", 3)

# --- Live events (notifications/live/) -------------------------------------------
# Which broker tells every app server about a new notification: auto = Redis
# pub/sub when REDIS_URL is set, else PostgreSQL LISTEN/NOTIFY, else (SQLite)
# in-process only; or one of redis, postgres, local.
EVENTS_BROKER = env_str("EVENTS_BROKER", "auto")
# The Redis pub/sub channel (PostgreSQL's is fixed: campus_notifications).
EVENTS_CHANNEL = env_str("EVENTS_CHANNEL", "campus:notifications")
# Each ASGI process's safety-net poll: every EVENTS_POLL_SECONDS while its
# broker is up, every EVENTS_FALLBACK_POLL_SECONDS while it is down or absent.
EVENTS_POLL_SECONDS = float(env_str("EVENTS_POLL_SECONDS", "5"))
EVENTS_FALLBACK_POLL_SECONDS = float(env_str("EVENTS_FALLBACK_POLL_SECONDS", "1"))
EVENTS_HEARTBEAT_SECONDS = float(env_str("EVENTS_HEARTBEAT_SECONDS", "15"))
# The longest a stream stays open (a Bearer stream also ends with its token).
EVENTS_STREAM_MAX_SECONDS = env_int("EVENTS_STREAM_MAX_SECONDS", 3600)
# Under a WSGI server (not the production route) a stream polls and ends sooner.
EVENTS_WSGI_STREAM_SECONDS = env_int("EVENTS_WSGI_STREAM_SECONDS", 25)
# Open streams per user, across app servers; opening another ends the oldest.
EVENTS_MAX_STREAMS = env_int("EVENTS_MAX_STREAMS", 5)

# --- Payments (payments/) -------------------------------------------------------------
# `dummy` (no network; the app's own checkout page) or `paystack`.
PAYMENT_PROVIDER = env_str("PAYMENT_PROVIDER", "dummy")
if PAYMENT_PROVIDER not in {"dummy", "paystack"}:
    raise ImproperlyConfigured("PAYMENT_PROVIDER must be 'dummy' or 'paystack'.")
# Signs the dummy provider's webhooks; the development default exists only with DEBUG.
PAYMENT_WEBHOOK_SECRET = env_str(
    "PAYMENT_WEBHOOK_SECRET", "dev-payment-webhook-secret" if DEBUG else ""
)
PAYSTACK_API_URL = env_str("PAYSTACK_API_URL", "https://api.paystack.co").rstrip("/")
# Authenticates the API calls and signs Paystack's webhooks.
PAYSTACK_SECRET_KEY = env_str("PAYSTACK_SECRET_KEY")
PAYSTACK_TIMEOUT_SECONDS = env_float("PAYSTACK_TIMEOUT_SECONDS", 10.0)
# Derived, not read: `online` is offered with a real provider that has its key,
# or with the dummy one only while DEBUG is on.
PAYMENT_ONLINE_OFFERED = (
    bool(PAYSTACK_SECRET_KEY)
    if PAYMENT_PROVIDER == "paystack"
    else DEBUG and bool(PAYMENT_WEBHOOK_SECRET)
)
# An unpaid online order or booking is cancelled this long after creation.
PAYMENT_HOLD_MINUTES = max(1, env_int("PAYMENT_HOLD_MINUTES", 15))

# --- Background tasks and email -------------------------------------------------------
# django-tasks with its database backend: a task is a row in the app's own
# database, run by `manage.py db_worker` (make run starts one).
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Campus Market <no-reply@localhost>")
# A failed email is retried after EMAIL_RETRY_SECONDS, then twice as long each
# time, until EMAIL_MAX_ATTEMPTS attempts in all.
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 5)
EMAIL_RETRY_SECONDS = env_int("EMAIL_RETRY_SECONDS", 30)
# The folder Django's file backend (EMAIL_BACKEND=...filebased.EmailBackend)
# writes each message to; test setups read what was sent from there.
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "emails"))
# Where the links in account emails point (the web app serves these paths).
FRONTEND_URL = env_str("FRONTEND_URL", "http://127.0.0.1:8000").rstrip("/")

# --- Reviews ------------------------------------------------------------------------------
# Open reports from this many different users hold a review until an admin decides.
REVIEW_HIDE_AFTER_REPORTS = max(1, env_int("REVIEW_HIDE_AFTER_REPORTS", 3))
# An unsent email whose send task is this far past its due time lost its worker
# (killed mid-send); `manage.py sweep_email_outbox` re-queues it.
EMAIL_SWEEP_OVERDUE_SECONDS = env_int("EMAIL_SWEEP_OVERDUE_SECONDS", 300)

# --- Accounts and sessions -------------------------------------------------------
AUTH_USER_MODEL = "users.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2id first (OWASP's parameters, users/hashers.py); older hashes still
# verify and are rehashed with Argon2id at the next login.
PASSWORD_HASHERS = [
    "users.hashers.Argon2idPasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
# A password reset link works for this long, once, and only until the password changes.
PASSWORD_RESET_MINUTES = env_int("PASSWORD_RESET_MINUTES", 60)
PASSWORD_RESET_TIMEOUT = PASSWORD_RESET_MINUTES * 60
# An email verification link works for this long (and until the email changes).
EMAIL_VERIFICATION_MINUTES = env_int("EMAIL_VERIFICATION_MINUTES", 7 * 24 * 60)
# Students may register only with an email under these domains (a subdomain
# only when listed itself); empty: any domain.
STUDENT_EMAIL_DOMAINS = [d.lower().lstrip("@") for d in env_list("STUDENT_EMAIL_DOMAINS", [])]
# When on, orders, bookings and reviews need a verified email (403 otherwise).
REQUIRE_VERIFIED_EMAIL = env_bool("REQUIRE_VERIFIED_EMAIL", False)
if env_bool("FAST_PASSWORD_HASHER", False):
    # Tests and benchmarks of code paths, not of PBKDF2's cost.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env_int("JWT_ACCESS_MINUTES", 5)),
    "REFRESH_TOKEN_LIFETIME": timedelta(minutes=env_int("JWT_REFRESH_MINUTES", 24 * 60)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "UPDATE_LAST_LOGIN": True,
    "SIGNING_KEY": env_str("JWT_SIGNING_KEY", SECRET_KEY),
    "AUTH_HEADER_TYPES": ("Bearer",),
    # Tokens carry a hash of the password hash: a password change invalidates
    # every token issued before it, access tokens included.
    "CHECK_REVOKE_TOKEN": True,
    "CHECK_USER_IS_ACTIVE": True,
}

# --- REST framework ---------------------------------------------------------------
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

# --- Files ----------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Vendors' verification documents: outside MEDIA_ROOT, never under a public URL;
# served only by the API to their owner and admins (catalogue.verification).
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
# Origins images may come from besides this one (MEDIA_URL's own origin is added),
# for the web pages' Content-Security-Policy; e.g. a CDN in front of the bucket.
CSP_MEDIA_ORIGINS = env_list("CSP_MEDIA_ORIGINS", [])
# Django serves MEDIA_ROOT itself unless a web server or object store does.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
STORAGES = {
    # Uploads go through Django's storage API: FILE_STORAGE names another backend
    # (e.g. S3) and FILE_STORAGE_OPTIONS (JSON) its options.
    "default": {
        "BACKEND": env_str("FILE_STORAGE", "django.core.files.storage.FileSystemStorage"),
        "OPTIONS": json.loads(env_str("FILE_STORAGE_OPTIONS", "{}")),
    },
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
# The built web app (web/dist) is served at the site root by WhiteNoise.
WEB_DIST_DIR = BASE_DIR / "web" / "dist"
WHITENOISE_ROOT = WEB_DIST_DIR if WEB_DIST_DIR.is_dir() else None
WHITENOISE_AUTOREFRESH = DEBUG
# Vite's content-hashed assets (and Django's hashed static files) are cached for
# a year, immutable; index.html, sw.js and the icons are asked for again. Their
# .gz/.br copies are made by the web build (web/vite.config.ts) and collectstatic.
# (WhiteNoise takes a string as a regular expression, searched in the URL.)
WHITENOISE_IMMUTABLE_FILE_TEST = (
    # Vite: /assets/<name>-<8-character hash>.<ext>
    r"^/assets/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$"
    # Django's manifest storage: <name>.<12 hex digits>.<ext> under STATIC_URL
    r"|^/static/.+\.[0-9a-f]{12}\.[A-Za-z0-9]+$"
)
# The largest request body the API reads (an image of MAX_IMAGE_BYTES plus the
# other fields); a larger one is a 413 before anything reads it.
MAX_REQUEST_BODY_BYTES = env_int("MAX_REQUEST_BODY_BYTES", 8 * 1024 * 1024)
if MAX_REQUEST_BODY_BYTES > 10 * 1000 * 1000:
    raise ImproperlyConfigured("MAX_REQUEST_BODY_BYTES may be at most 10 MB (10000000).")
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_REQUEST_BODY_BYTES
FILE_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
MAX_IMAGE_BYTES = 5 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000

# --- Security (production values unless DEBUG) --------------------------------------
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_REDIRECT_EXEMPT = [r"^api/health/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# The Django admin's header and page titles.
ADMIN_SITE_HEADER = env_str("ADMIN_SITE_HEADER", "Campus Services admin")

# The campus currency (ISO 4217) every price is in; the web app reads it from
# the page Django serves (common/views.py) and API clients from /api/config/.
CURRENCY = env_str("CURRENCY", "GHS").strip().upper()
if CURRENCY not in ISO_4217_CURRENCIES:
    raise ImproperlyConfigured(
        f"CURRENCY must be an ISO 4217 currency code such as GHS, KES or USD "
        f"(got {env_str('CURRENCY')!r})."
    )

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_str("TIME_ZONE", "UTC")

# How the web app writes dates and times (a BCP 47 tag: "en-GB" gives
# "Wed 9 Dec" and "14:30", "en-US" "Wed Dec 9" and "2:30 PM"), always on the
# campus clock (TIME_ZONE). Read from the served page (common/views.py) and
# from /api/config/.
CAMPUS_LOCALE = env_str("CAMPUS_LOCALE", "en-GB").strip()
if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", CAMPUS_LOCALE):
    raise ImproperlyConfigured(
        f"CAMPUS_LOCALE must be a language tag such as en-GB or fr-FR (got {CAMPUS_LOCALE!r})."
    )
USE_I18N = True
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
