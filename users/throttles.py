"""Login throttling: per account and per client, never per campus.

Thousands of students share one NAT address, so the per-client limit is
generous; the tight limit counts the login attempts for one account since
its last successful login.
"""

import contextlib
import hashlib
import math

from rest_framework.throttling import SimpleRateThrottle

from .models import normalize_email


class ClientRateThrottle(SimpleRateThrottle):
    """A rate per client address, for one scope."""

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class LoginClientThrottle(ClientRateThrottle):
    scope = "login_client"


class RegisterClientThrottle(ClientRateThrottle):
    scope = "register_client"


class AccountLoginThrottle(SimpleRateThrottle):
    """Counts login attempts per account; a successful login clears the count.

    An attempt is counted before its password is checked, with the cache's
    atomic increment, so a burst of parallel guesses cannot all pass the check
    before any failure is recorded. The first attempt opens a window of the
    rate's duration; past the limit, every attempt is refused until it closes.
    """

    scope = "login_account"

    def get_cache_key(self, request, view):  # unused: keyed by account below
        return None

    def _keys(self, email: str) -> tuple[str, str]:
        digest = hashlib.sha256(normalize_email(email).encode()).hexdigest()
        key = self.cache_format % {"scope": self.scope, "ident": digest}
        return f"{key}:count", f"{key}:opened"

    def attempt(self, email: str) -> int | None:
        """Count one attempt; return the seconds to wait if over the limit, else None."""
        count_key, opened_key = self._keys(email)
        now = self.timer()
        # add() writes only when the key is absent: the first attempt opens the window.
        self.cache.add(opened_key, now, self.duration)
        self.cache.add(count_key, 0, self.duration)
        try:
            attempts = self.cache.incr(count_key)
        except ValueError:  # the window closed between add() and incr()
            self.cache.set(count_key, 1, self.duration)
            attempts = 1
        if attempts == 1:
            # Redis's INCR recreates a key that expired under it, without a TTL.
            self.cache.touch(count_key, self.duration)
        if attempts <= self.num_requests:
            return None
        opened = self.cache.get(opened_key, now)
        return max(1, math.ceil(opened + self.duration - now))

    def reset(self, email: str) -> None:
        self.cache.delete_many(self._keys(email))

    def forgive(self, email: str) -> None:
        """Uncount an attempt whose password was never judged (the server failed)."""
        count_key, _ = self._keys(email)
        # ValueError: the window closed meanwhile, so nothing is left to uncount.
        with contextlib.suppress(ValueError):
            self.cache.decr(count_key)


class PasswordResetClientThrottle(ClientRateThrottle):
    scope = "password_reset_client"


class PasswordResetEmailThrottle(SimpleRateThrottle):
    """Reset requests per email address, whether or not it has an account (the
    answer must not differ), so nobody can flood one inbox."""

    scope = "password_reset_email"

    def get_cache_key(self, request, view):
        data = request.data
        email = data.get("email") if hasattr(data, "get") else None
        if not isinstance(email, str) or not email.strip():
            return None  # the serializer answers 400
        digest = hashlib.sha256(normalize_email(email).encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}


class VerifyEmailResendThrottle(SimpleRateThrottle):
    """Sending the verification email again, per user."""

    scope = "verify_email_resend"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}
