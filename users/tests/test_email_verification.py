"""Registration emails a link that verifies the address; the user object says
whether it is verified; the link can be sent again, throttled."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for
from users.models import User
from users.tests.emails import emails_to, link_in, sent  # noqa: F401
from users.tests.factories import StudentFactory
from users.tests.helpers import ME, REGISTER
from users.throttles import VerifyEmailResendThrottle
from users.tokens import email_verification_tokens, uid_of

pytestmark = pytest.mark.django_db(transaction=True)

VERIFY = "/api/users/verify-email/"
RESEND = "/api/users/me/verify-email/"


def register(api, email="fresh@campus.test"):
    body = {"email": email, "password": "a-Long-unusual-pass-9", "user_type": "student"}
    response = api.post(REGISTER, body)
    assert response.status_code == 201, response.content
    return User.objects.get(pk=response.json()["id"])


def verify(api, link):
    return api.post(VERIFY, {"uid": link["uid"], "token": link["token"]})


def test_the_link_emailed_at_registration_verifies_the_email(api, sent, settings):  # noqa: F811
    settings.FRONTEND_URL = "https://market.campus.test"
    user = register(api)
    assert client_for(user).get(ME).json()["email_verified"] is False

    [message] = emails_to(sent, user.email)
    link = link_in(message, "verify-email")
    response = verify(api, link)

    assert link["base"] == "https://market.campus.test"
    assert response.status_code == 200
    assert response.json()["email_verified"] is True
    assert client_for(user).get(ME).json()["email_verified"] is True


def test_opening_the_link_twice_answers_the_same(api, sent):  # noqa: F811
    register(api)
    link = link_in(sent[0], "verify-email")

    assert verify(api, link).status_code == 200
    assert verify(api, link).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {"uid": "MQ", "token": "bad-token"},
        {"uid": "???", "token": "x"},
        {"uid": "", "token": ""},
        {"uid": 12, "token": None},
        {},
    ],
)
def test_a_bad_link_is_a_400(api, body):
    StudentFactory()

    assert api.post(VERIFY, body, format="json").status_code == 400


def test_a_link_for_an_old_email_address_no_longer_verifies(api):
    user = StudentFactory()
    token = email_verification_tokens.make_token(user)
    User.objects.filter(pk=user.pk).update(email="changed@campus.test")

    response = api.post(VERIFY, {"uid": uid_of(user), "token": token})

    assert response.status_code == 400
    assert User.objects.get(pk=user.pk).email_verified is False


def test_a_link_expires_after_email_verification_minutes(api, settings, monkeypatch):
    settings.EMAIL_VERIFICATION_MINUTES = 10
    user = StudentFactory()
    body = {"uid": uid_of(user), "token": email_verification_tokens.make_token(user)}
    later = timezone.now().replace(tzinfo=None) + timedelta(minutes=11)
    monkeypatch.setattr(type(email_verification_tokens), "_now", lambda self: later)

    assert api.post(VERIFY, body).status_code == 400


def test_a_reset_token_is_not_a_verification_token(api):
    from users.tokens import password_reset_tokens

    user = StudentFactory()
    token = password_reset_tokens.make_token(user)

    assert api.post(VERIFY, {"uid": uid_of(user), "token": token}).status_code == 400


def test_the_verification_email_can_be_sent_again(sent):  # noqa: F811
    user = StudentFactory()

    response = client_for(user).post(RESEND)

    assert response.status_code == 202
    [message] = emails_to(sent, user.email)
    link = link_in(message, "verify-email")
    assert link["uid"] == uid_of(user)


def test_a_verified_user_asking_again_gets_no_email(sent):  # noqa: F811
    user = StudentFactory(email_verified=True)

    assert client_for(user).post(RESEND).status_code == 202
    assert sent == []


def test_sending_again_needs_a_login(api):
    assert api.post(RESEND).status_code == 401


def test_sending_again_is_throttled(sent, monkeypatch):  # noqa: F811
    monkeypatch.setattr(
        VerifyEmailResendThrottle, "THROTTLE_RATES", {"verify_email_resend": "2/hour"}
    )
    user, other = StudentFactory(), StudentFactory()

    answers = [client_for(user).post(RESEND) for _ in range(3)]

    assert [a.status_code for a in answers] == [202, 202, 429]
    assert "Retry-After" in answers[-1]
    assert client_for(other).post(RESEND).status_code == 202
