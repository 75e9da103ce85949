"""Bearer-token authentication: SimpleJWT's, with the account read by a plan.

Every authenticated request reads its account; building and compiling that
one-row query cost more than running it (``common.plans``). The checks after
it are SimpleJWT's own, in its order and with its messages: an unknown
account, a deactivated one, and a token issued before the last password
change are refused (``users/tests/test_token_checks.py``).
"""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from drf_spectacular.contrib.rest_framework_simplejwt import SimpleJWTScheme
from rest_framework_simplejwt import authentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.utils import get_md5_hash_password

from common.plans import Plan

# Compiled once (common.plans): every authenticated request runs it, and a
# hot query's building cost more than its run (docs/BENCHMARKS.md, the
# compiled-once row: a review's lock built in 1.8-2.0 ms, run in 0.5 ms).
_ACCOUNT = Plan(
    lambda pk: get_user_model().objects.filter(**{api_settings.USER_ID_FIELD: pk}),
    ids=("pk",),
)


class JWTAuthentication(authentication.JWTAuthentication):
    def get_user(self, validated_token):
        try:
            user_id = int(validated_token[api_settings.USER_ID_CLAIM])
        except (KeyError, TypeError, ValueError) as error:
            raise InvalidToken(_("Token contained no recognizable user identification")) from error
        user = _ACCOUNT.first(pk=user_id)
        if user is None:
            raise AuthenticationFailed(_("User not found"), code="user_not_found")
        if api_settings.CHECK_USER_IS_ACTIVE and not user.is_active:
            raise AuthenticationFailed(_("User is inactive"), code="user_inactive")
        if api_settings.CHECK_REVOKE_TOKEN and validated_token.get(
            api_settings.REVOKE_TOKEN_CLAIM
        ) != get_md5_hash_password(user.password):
            raise AuthenticationFailed(
                _("The user's password has been changed."), code="password_changed"
            )
        return user


class JWTScheme(SimpleJWTScheme):
    """The OpenAPI security scheme SimpleJWT's class has, for this subclass."""

    target_class = JWTAuthentication
