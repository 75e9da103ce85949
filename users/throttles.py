"""Login throttling: per account and per client, never per campus.

Thousands of students share one NAT address, so the per-client limit is
generous; the tight limit counts failed passwords for one account.
"""

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
    """Counts failed logins per account; at the limit, refuses every login
    attempt for that account until the oldest failure leaves the window."""

    scope = "login_account"

    def get_cache_key(self, request, view):  # unused: keyed by account below
        return None

    def _key(self, email: str) -> str:
        digest = hashlib.sha256(normalize_email(email).encode()).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}

    def _recent(self, key: str) -> tuple[float, list[float]]:
        now = self.timer()
        return now, [t for t in self.cache.get(key, []) if t > now - self.duration]

    def seconds_locked(self, email: str) -> int | None:
        """Seconds until the account may try again, or None if it may now."""
        now, recent = self._recent(self._key(email))
        if len(recent) < self.num_requests:
            return None
        return max(1, math.ceil(self.duration - (now - min(recent))))

    def record_failure(self, email: str) -> None:
        key = self._key(email)
        now, recent = self._recent(key)
        self.cache.set(key, [now, *recent], self.duration)

    def reset(self, email: str) -> None:
        self.cache.delete(self._key(email))
