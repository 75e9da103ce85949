"""Accounts and sessions: the user model, passwords, account emails' links, tokens."""

from datetime import timedelta

from config.settings.core import SECRET_KEY
from config.settings.env import env_bool, env_int, env_list, env_str

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
