"""``REQUIRE_VERIFIED_EMAIL``: a permission the create endpoints of orders,
bookings and reviews add to their own, so the rule lives in one place."""

from django.conf import settings
from rest_framework.permissions import BasePermission

UNVERIFIED = (
    "Verify your email address first: open the link we emailed you, "
    "or ask for a new one at POST /api/users/me/verify-email/."
)


class HasVerifiedEmail(BasePermission):
    """Refuses (403) a user whose email is not verified, while
    ``REQUIRE_VERIFIED_EMAIL`` is on; lets everyone through while it is off.
    Anonymous callers pass here and are refused by the view's other checks."""

    message = UNVERIFIED

    def has_permission(self, request, view):
        if not settings.REQUIRE_VERIFIED_EMAIL:
            return True
        user = request.user
        return not (user and user.is_authenticated) or user.email_verified
