"""Forgot password: a link by email, a new password once, every old session
ended. The emails leave through the outbox and the task queue."""

from datetime import timedelta

import pytest
from django.utils import timezone

from conftest import client_for
from users.tests.emails import emails_to, link_in, sent  # noqa: F401
from users.tests.factories import PASSWORD, StudentFactory
from users.tests.helpers import LOGIN, ME, REFRESH, bearer
from users.throttles import PasswordResetClientThrottle, PasswordResetEmailThrottle
from users.tokens import password_reset_tokens, uid_of

pytestmark = pytest.mark.django_db(transaction=True)

RESET = "/api/users/password-reset/"
CONFIRM = "/api/users/password-reset/confirm/"
NEW_PASSWORD = "a-Brand-new-passphrase-7"


def ask_for_reset(api, email):
    response = api.post(RESET, {"email": email})
    assert response.status_code == 202, response.content
    return response.json()


def confirm(api, link, password=NEW_PASSWORD):
    return api.post(CONFIRM, {"uid": link["uid"], "token": link["token"], "new_password": password})


def in_minutes(monkeypatch, minutes):
    """Move the token generator's clock ``minutes`` ahead."""
    later = timezone.now().replace(tzinfo=None) + timedelta(minutes=minutes)
    monkeypatch.setattr(type(password_reset_tokens), "_now", lambda self: later)


def test_the_emailed_link_sets_a_new_password_to_log_in_with(api, sent, settings):  # noqa: F811
    settings.FRONTEND_URL = "https://market.campus.test"
    student = StudentFactory()

    ask_for_reset(api, student.email.upper())

    [message] = emails_to(sent, student.email)
    link = link_in(message, "reset-password")
    assert link["base"] == "https://market.campus.test"
    assert confirm(api, link).status_code == 200
    assert api.post(LOGIN, {"email": student.email, "password": PASSWORD}).status_code == 401
    assert api.post(LOGIN, {"email": student.email, "password": NEW_PASSWORD}).status_code == 200


def test_unknown_and_suspended_accounts_get_the_same_answer_and_no_email(api, sent):  # noqa: F811
    suspended = StudentFactory(is_active=False)

    known = ask_for_reset(api, StudentFactory().email)
    unknown = ask_for_reset(api, "nobody@campus.test")
    inactive = ask_for_reset(api, suspended.email)

    assert known == unknown == inactive
    assert len(sent) == 1


def test_a_link_works_once(api, sent):  # noqa: F811
    student = StudentFactory()
    ask_for_reset(api, student.email)
    link = link_in(sent[0], "reset-password")

    assert confirm(api, link).status_code == 200
    again = confirm(api, link, password="yet-Another-passphrase-8")

    assert again.status_code == 400
    assert "token" in again.json()
    assert api.post(LOGIN, {"email": student.email, "password": NEW_PASSWORD}).status_code == 200


def test_a_link_expires_after_password_reset_minutes(api, sent, settings, monkeypatch):  # noqa: F811
    settings.PASSWORD_RESET_MINUTES = 30
    student = StudentFactory()
    ask_for_reset(api, student.email)
    link = link_in(sent[0], "reset-password")

    in_minutes(monkeypatch, 31)

    assert confirm(api, link).status_code == 400


def test_a_link_still_works_within_password_reset_minutes(api, sent, settings, monkeypatch):  # noqa: F811
    settings.PASSWORD_RESET_MINUTES = 30
    student = StudentFactory()
    ask_for_reset(api, student.email)
    link = link_in(sent[0], "reset-password")

    in_minutes(monkeypatch, 29)

    assert confirm(api, link).status_code == 200


def test_the_default_lifetime_is_an_hour(api, sent, monkeypatch):  # noqa: F811
    student = StudentFactory()
    ask_for_reset(api, student.email)
    link = link_in(sent[0], "reset-password")

    in_minutes(monkeypatch, 61)

    assert confirm(api, link).status_code == 400


def test_a_link_is_void_once_the_password_changed_another_way(api, sent):  # noqa: F811
    student = StudentFactory()
    ask_for_reset(api, student.email)
    link = link_in(sent[0], "reset-password")

    changed = client_for(student).post(
        "/api/users/me/password/", {"old_password": PASSWORD, "new_password": NEW_PASSWORD}
    )
    assert changed.status_code == 200

    assert confirm(api, link, password="yet-Another-passphrase-8").status_code == 400


def test_djangos_password_validators_apply(api, sent):  # noqa: F811
    student = StudentFactory()
    ask_for_reset(api, student.email)
    link = link_in(sent[0], "reset-password")

    response = confirm(api, link, password="12345678")

    assert response.status_code == 400
    assert "new_password" in response.json()
    assert confirm(api, link).status_code == 200  # the refused attempt did not use it up


def test_a_reset_ends_every_earlier_session(api, sent, login):  # noqa: F811
    student = StudentFactory()
    session = login(student)
    ask_for_reset(api, student.email)

    assert confirm(api, link_in(sent[0], "reset-password")).status_code == 200

    assert api.post(REFRESH, {"refresh": session["refresh"]}).status_code == 401
    assert bearer(session["access"]).get(ME).status_code == 401


def test_opening_a_reset_link_verifies_the_email(api, sent):  # noqa: F811
    student = StudentFactory(email_verified=False)
    ask_for_reset(api, student.email)

    confirm(api, link_in(sent[0], "reset-password"))

    student.refresh_from_db()
    assert student.email_verified


@pytest.mark.parametrize(
    "body",
    [
        {"uid": "not-base64!", "token": "abc-def"},
        {"uid": "", "token": ""},
        {"uid": "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkw", "token": "x-y"},
        {"uid": "bm90LWEtbnVtYmVy", "token": "x"},
        {"uid": "x" * 500, "token": "y" * 500},
        {"uid": ["list"], "token": {"a": 1}},
        {"uid": "MQ", "token": "zzzzzzzzzzzz-abc"},
    ],
)
def test_malformed_links_are_a_400_never_a_500(api, body):
    StudentFactory()

    response = api.post(CONFIRM, {**body, "new_password": NEW_PASSWORD}, format="json")

    assert response.status_code == 400


def test_a_token_of_one_user_does_not_reset_another(api):
    victim, attacker = StudentFactory(), StudentFactory()
    token = password_reset_tokens.make_token(attacker)

    response = api.post(
        CONFIRM, {"uid": uid_of(victim), "token": token, "new_password": NEW_PASSWORD}
    )

    assert response.status_code == 400


def limit(monkeypatch, throttle, rate):
    """DRF binds the rates to the throttle class at import."""
    monkeypatch.setattr(throttle, "THROTTLE_RATES", {throttle.scope: rate})


def test_requests_are_throttled_per_email(api, sent, monkeypatch):  # noqa: F811
    limit(monkeypatch, PasswordResetEmailThrottle, "2/hour")
    student = StudentFactory()

    answers = [api.post(RESET, {"email": student.email}).status_code for _ in range(3)]
    other = api.post(RESET, {"email": "someone-else@campus.test"}).status_code

    assert answers == [202, 202, 429]
    assert other == 202
    assert len(sent) == 2


def test_requests_are_throttled_per_client(api, monkeypatch):
    limit(monkeypatch, PasswordResetClientThrottle, "3/min")

    answers = [api.post(RESET, {"email": f"who{n}@campus.test"}) for n in range(4)]

    assert [a.status_code for a in answers] == [202, 202, 202, 429]
    assert "Retry-After" in answers[-1]
