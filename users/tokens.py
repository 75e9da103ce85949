"""One-time links for account emails: Django's token design (an HMAC of the
user's state and a timestamp, nothing stored), one generator per purpose,
each with its own key salt and its own lifetime."""

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes, force_str
from django.utils.http import base36_to_int, urlsafe_base64_decode, urlsafe_base64_encode


class TimedTokenGenerator(PasswordResetTokenGenerator):
    """Django's generator with a lifetime of its own instead of the single
    ``PASSWORD_RESET_TIMEOUT`` every generator would otherwise share."""

    def timeout_seconds(self) -> int:
        raise NotImplementedError

    def check_token(self, user, token):
        if not (user and token) or not isinstance(token, str):
            return False
        try:
            ts_b36, _ = token.split("-")
            timestamp = base36_to_int(ts_b36)
        except ValueError:
            return False
        for secret in [self.secret, *self.secret_fallbacks]:
            expected = self._make_token_with_timestamp(user, timestamp, secret)
            if constant_time_compare(expected, token):
                break
        else:
            return False
        return 0 <= self._num_seconds(self._now()) - timestamp <= self.timeout_seconds()


class PasswordResetTokens(TimedTokenGenerator):
    """Django's hash value: the password hash, the last login and the email,
    so a link dies when it is used (the password changes), when the password
    changes any other way, and after ``PASSWORD_RESET_MINUTES``."""

    key_salt = "users.tokens.PasswordResetTokens"

    def timeout_seconds(self) -> int:
        return settings.PASSWORD_RESET_MINUTES * 60


class EmailVerificationTokens(TimedTokenGenerator):
    """Proves the inbox of ``user.email``: the link dies with a change of email
    and after ``EMAIL_VERIFICATION_MINUTES``. Clicking it twice is harmless."""

    key_salt = "users.tokens.EmailVerificationTokens"

    def _make_hash_value(self, user, timestamp):
        return f"{user.pk}{user.email}{timestamp}"

    def timeout_seconds(self) -> int:
        return settings.EMAIL_VERIFICATION_MINUTES * 60


password_reset_tokens = PasswordResetTokens()
email_verification_tokens = EmailVerificationTokens()


def uid_of(user) -> str:
    return urlsafe_base64_encode(force_bytes(user.pk))


def pk_from_uid(uid) -> int | None:
    """The user id a link's ``uid`` encodes; None for anything malformed."""
    if not isinstance(uid, str) or len(uid) > 64:
        return None
    try:
        pk = int(force_str(urlsafe_base64_decode(uid)))
    except (ValueError, TypeError, OverflowError, UnicodeDecodeError):
        return None
    return pk if 0 < pk < 2**63 else None
