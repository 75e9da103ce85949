"""Account recovery and email verification: reset links, verification links,
and the rules for who may register as a student. The emails leave through the
notifications outbox (``users.events.AccountEmail``): queued in the
transaction that calls for them, sent once after the commit."""

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction

from common.domain_events import publish
from common.exceptions import DomainError

from .events import AccountEmail
from .models import User, UserType, normalize_email
from .sessions import sessions_revoke
from .tokens import email_verification_tokens, password_reset_tokens, pk_from_uid, uid_of

INVALID_LINK = "This link is invalid or has expired."
OUTSIDE_DOMAINS = "Students register with their university email address."


def student_email_allowed(email: str) -> bool:
    """Whether ``STUDENT_EMAIL_DOMAINS`` (empty: any) admits ``email``. A
    subdomain is admitted only when listed itself."""
    domains = settings.STUDENT_EMAIL_DOMAINS
    if not domains:
        return True
    return normalize_email(email).rpartition("@")[2] in domains


def check_student_email(*, email: str, user_type: str) -> None:
    if user_type == UserType.STUDENT and not student_email_allowed(email):
        raise DomainError(OUTSIDE_DOMAINS, field="email")


def _link(kind: str, user: User, token: str) -> str:
    return f"{settings.FRONTEND_URL}/{kind}/{uid_of(user)}/{token}/"


def _email(user: User, subject: str, body: str) -> None:
    publish(AccountEmail(user_id=user.pk, to=user.email, subject=subject, body=body))


@transaction.atomic
def email_verification_send(*, user: User) -> bool:
    """Queue the verification link for ``user``; False if there is nothing to verify."""
    if user.email_verified:
        return False
    link = _link("verify-email", user, email_verification_tokens.make_token(user))
    _email(
        user,
        "Confirm your email address",
        "Welcome to Campus Market.\n\n"
        f"Confirm that this is your email address by opening this link:\n{link}\n\n"
        "If you did not create an account, ignore this email.",
    )
    return True


def email_verify(*, uid: str, token: str) -> User:
    """Mark the email of the link's user verified. A link stays valid until it
    expires or the email changes, so a second click answers the same."""
    user = _user_of_link(uid)
    if user is None or not email_verification_tokens.check_token(user, token):
        raise DomainError(INVALID_LINK, field="token")
    User.objects.filter(pk=user.pk, email=user.email).update(email_verified=True)
    user.email_verified = True
    return user


@transaction.atomic
def password_reset_request(*, email: str) -> None:
    """Queue a reset link if an active account has ``email``. The caller
    answers the same either way, so strangers learn nothing."""
    user = User.objects.filter(email=normalize_email(email), is_active=True).first()
    if user is None:
        return
    link = _link("reset-password", user, password_reset_tokens.make_token(user))
    minutes = settings.PASSWORD_RESET_MINUTES
    _email(
        user,
        "Reset your password",
        "Someone asked to reset the password of your Campus Market account.\n\n"
        f"Choose a new password here (the link works once, for {minutes} minutes):\n{link}\n\n"
        "If it was not you, ignore this email: your password stays as it is.",
    )


def password_reset_confirm(*, uid: str, token: str, new_password: str) -> User:
    """Set a new password from a reset link and end every earlier session.

    The password is swapped with a conditional UPDATE on the old hash, so two
    requests racing with one link cannot both succeed. Opening the link also
    proves the inbox, so the email counts as verified.
    """
    user = _user_of_link(uid)
    if user is None or not password_reset_tokens.check_token(user, token):
        raise DomainError(INVALID_LINK, field="token")
    try:
        validate_password(new_password, user=user)
    except DjangoValidationError as exc:
        raise DomainError(" ".join(exc.messages), field="new_password") from exc
    old_hash = user.password
    user.set_password(new_password)
    with transaction.atomic():
        swapped = User.objects.filter(pk=user.pk, password=old_hash, is_active=True).update(
            password=user.password, email_verified=True
        )
        if swapped != 1:
            raise DomainError(INVALID_LINK, field="token")
        sessions_revoke(user=user)
    user.email_verified = True
    return user


def _user_of_link(uid) -> User | None:
    pk = pk_from_uid(uid)
    if pk is None:
        return None
    return User.objects.filter(pk=pk, is_active=True).first()
