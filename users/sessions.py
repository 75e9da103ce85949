"""Ending every session of a user at once (a password change or reset)."""

from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken


def sessions_revoke(*, user) -> None:
    """Blacklist every refresh token of ``user`` still outstanding.

    Access tokens, and refresh tokens the blacklist never saw, die through
    their password-hash claim; open event streams and unused stream tickets
    through the same hash (notifications/live/). Call it in the transaction
    that changes the password.
    """
    outstanding = OutstandingToken.objects.filter(user=user, blacklistedtoken__isnull=True)
    BlacklistedToken.objects.bulk_create(
        [BlacklistedToken(token=token) for token in outstanding], ignore_conflicts=True
    )
