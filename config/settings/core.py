"""The project itself: debug mode and its secret key, hosts, apps, middleware,
templates, the campus's currency, language and time zone, and logging."""

import re

from django.core.exceptions import ImproperlyConfigured

from common.currencies import ISO_4217_CURRENCIES
from config.settings.env import env_bool, env_list, env_str

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
    "purchases",
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

# The Django admin's header and page titles.
ADMIN_SITE_HEADER = env_str("ADMIN_SITE_HEADER", "Campus Services admin")

# The campus currency (ISO 4217) every price is in; the web app reads it from
# the page Django serves (common/views.py) and API clients from /api/config/.
_CURRENCY = env_str("CURRENCY", "GHS")
CURRENCY = _CURRENCY.strip().upper()
if CURRENCY not in ISO_4217_CURRENCIES:
    raise ImproperlyConfigured(
        f"CURRENCY must be an ISO 4217 currency code such as GHS, KES or USD (got {_CURRENCY!r})."
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
