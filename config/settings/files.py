"""Files: static files and the built web app (WhiteNoise), uploads, size limits."""

import json
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from config.settings.core import DEBUG
from config.settings.env import BASE_DIR, VAR_DIR, env_bool, env_int, env_list, env_str

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
