"""Account and session rules: registration, login, token rotation, logout,
password change. Views only translate HTTP to these calls."""

from django.contrib.auth import authenticate
from django.contrib.auth.models import update_last_login
from django.db import IntegrityError, transaction
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings as jwt_settings
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken
from rest_framework_simplejwt.utils import datetime_from_epoch, get_md5_hash_password

from common.exceptions import DomainError, Forbidden, Unauthenticated
from common.public_cache import invalidate_catalogue

from .models import User, UserType, normalize_email
from .recovery import check_student_email, email_verification_send
from .sessions import sessions_revoke

INVALID_CREDENTIALS = "No active account found with the given email and password."
SUSPENDED = (
    "This account is suspended. Contact the campus services team if you think this is a mistake."
)
INVALID_REFRESH = "Token is invalid, expired or already used."
NO_ADMIN_REGISTRATION = "Admin accounts cannot be created through registration."
REGISTRABLE_TYPES = (UserType.STUDENT, UserType.VENDOR)


def check_registrable(user_type: str) -> None:
    """Registration creates students and vendors only; admins are made by admins."""
    if user_type == UserType.ADMIN:
        raise DomainError(NO_ADMIN_REGISTRATION, field="user_type")
    if user_type not in REGISTRABLE_TYPES:
        raise DomainError(f'"{user_type}" is not a valid choice.', field="user_type")


def user_register(
    *,
    email: str,
    password: str,
    user_type: str,
    first_name: str = "",
    last_name: str = "",
    phone_number: str = "",
) -> User:
    """Create a student or vendor account (admins never come from here) and
    email it the link that verifies its address."""
    check_registrable(user_type)
    check_student_email(email=email, user_type=user_type)
    try:
        with transaction.atomic():
            user = User.objects.create_user(
                email=email,
                password=password,
                user_type=user_type,
                first_name=first_name,
                last_name=last_name,
                phone_number=phone_number,
            )
            email_verification_send(user=user)
            return user
    except IntegrityError as exc:
        # Two registrations racing for one email: the constraint picks one.
        raise DomainError("A user with this email already exists.", field="email") from exc


def token_pair_for(user: User) -> dict:
    refresh = RefreshToken.for_user(user)
    return {"access": str(refresh.access_token), "refresh": str(refresh)}


def session_login(*, request, email: str, password: str) -> tuple[User, dict]:
    """Check the credentials and open a session (a refresh/access pair).

    One message for every failure, so the answer never tells whether an
    email has an account; only the right password of a deactivated account
    learns that it is suspended (403).
    """
    email = normalize_email(email)
    user = authenticate(request, email=email, password=password)
    if user is None:
        suspended = User.objects.filter(email=email, is_active=False).first()
        if suspended is not None and suspended.check_password(password):
            raise Forbidden(SUSPENDED, code="account_suspended")
        raise Unauthenticated(INVALID_CREDENTIALS, code="invalid_credentials")
    update_last_login(None, user)
    return user, token_pair_for(user)


def _user_of(token: RefreshToken) -> User:
    user = User.objects.filter(pk=token.get(jwt_settings.USER_ID_CLAIM)).first()
    if user is None or not user.is_active:
        raise Unauthenticated(INVALID_REFRESH, code="token_not_valid")
    if token.get(jwt_settings.REVOKE_TOKEN_CLAIM) != get_md5_hash_password(user.password):
        # Issued before the last password change.
        raise Unauthenticated(INVALID_REFRESH, code="token_not_valid")
    return user


def _parse_refresh(raw: str) -> RefreshToken:
    try:
        return RefreshToken(raw)
    except TokenError as exc:
        raise Unauthenticated(INVALID_REFRESH, code="token_not_valid") from exc


def _blacklist(token: RefreshToken, user: User) -> None:
    """Blacklist ``token``; raise if another request blacklisted it first.

    The insert comes first and the unique constraint on the blacklist row
    decides the winner, so two racing rotations of one token cannot both pass
    (simplejwt's own check-then-insert lets both through).
    """
    outstanding, _ = OutstandingToken.objects.get_or_create(
        jti=token[jwt_settings.JTI_CLAIM],
        defaults={
            "user": user,
            "token": str(token),
            "expires_at": datetime_from_epoch(token["exp"]),
        },
    )
    try:
        with transaction.atomic():
            BlacklistedToken.objects.create(token=outstanding)
    except IntegrityError as exc:
        raise Unauthenticated(INVALID_REFRESH, code="token_not_valid") from exc


def session_refresh(*, refresh: str) -> dict:
    """Rotate a refresh token: the old one is dead at once, a new pair returned."""
    token = _parse_refresh(refresh)
    user = _user_of(token)
    with transaction.atomic():
        _blacklist(token, user)
        return token_pair_for(user)


def session_logout(*, user: User, refresh: str) -> None:
    token = _parse_refresh(refresh)
    if str(token.get(jwt_settings.USER_ID_CLAIM)) != str(user.pk):
        raise DomainError("This refresh token belongs to another session.", field="refresh")
    with transaction.atomic():
        _blacklist(token, user)


def password_change(*, user: User, old_password: str, new_password: str) -> dict:
    """Change the password and revoke every earlier session.

    Earlier access tokens die through their password-hash claim; earlier
    refresh tokens are blacklisted too, so they stay dead even if the claim
    check is ever switched off. Returns a fresh pair for the caller.
    """
    if not user.check_password(old_password):
        raise DomainError("Your old password was entered incorrectly.", field="old_password")
    return _rehash_and_start_over(user, new_password)


def sessions_end_everywhere(*, user: User, password: str) -> dict:
    """Log out everywhere: end every session of ``user`` but the one this
    answer starts, without changing the password.

    The password is hashed again under a new salt, so its hash (and the
    password-hash claim every token, stream ticket and open stream carries)
    changes while the password stays the same: everything issued before dies
    by the same checks as after a password change. Returns a fresh pair.
    """
    if not user.check_password(password):
        raise DomainError("Your password was entered incorrectly.", field="password")
    return _rehash_and_start_over(user, password)


def _rehash_and_start_over(user: User, password: str) -> dict:
    """Store a fresh hash of ``password`` (a new salt, so a new hash even for
    the same password), revoke every session, and return this client's new pair."""
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        sessions_revoke(user=user)
        return token_pair_for(user)


def user_save_from_admin(*, user: User, active_changed: bool) -> None:
    """Save an account edited in the Django admin. A vendor deactivated (or
    reactivated) takes their services out of (or back into) the public
    catalogue, so cached public reads are made stale."""
    user.save()
    if active_changed:
        invalidate_catalogue()
