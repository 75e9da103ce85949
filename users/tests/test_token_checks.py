"""The bearer token's account checks, as SimpleJWT makes them, with the account
read by a compiled plan (``users.authentication``): each refusal is the
library's own answer, and an accepted token is its account as stored now."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework_simplejwt.authentication import JWTAuthentication as LibraryAuthentication
from rest_framework_simplejwt.exceptions import AuthenticationFailed, InvalidToken
from rest_framework_simplejwt.tokens import AccessToken

from users.authentication import JWTAuthentication
from users.models import User
from users.tests.helpers import ME, bearer

pytestmark = pytest.mark.django_db


def _answer(authentication, token):
    try:
        return authentication.get_user(token)
    except (AuthenticationFailed, InvalidToken) as refusal:
        return type(refusal), refusal.detail


def _both(token):
    ours, theirs = _answer(JWTAuthentication(), token), _answer(LibraryAuthentication(), token)
    assert ours == theirs
    return ours


def test_an_accepted_token_is_its_account_as_stored_now(student):
    token = AccessToken.for_user(student)
    User.objects.filter(pk=student.pk).update(first_name="Renamed")

    user = _both(token)

    assert user == student
    assert user.first_name == "Renamed"
    assert user.email == student.email
    assert user.user_type == student.user_type


def test_a_deleted_account_is_the_library_s_user_not_found(student):
    token = AccessToken.for_user(student)
    student.delete()

    refusal, detail = _both(token)

    assert refusal is AuthenticationFailed
    assert detail["code"] == "user_not_found"


def test_a_deactivated_account_is_the_library_s_user_inactive(student):
    token = AccessToken.for_user(student)
    User.objects.filter(pk=student.pk).update(is_active=False)

    refusal, detail = _both(token)

    assert refusal is AuthenticationFailed
    assert detail["code"] == "user_inactive"


def test_a_token_from_before_a_password_change_is_refused(student):
    token = AccessToken.for_user(student)
    student.set_password("another-long-password-1")
    student.save()

    refusal, detail = _both(token)

    assert refusal is AuthenticationFailed
    assert detail["code"] == "password_changed"


@pytest.mark.parametrize("claim", [None, "", "seven", "7.5"])
def test_a_token_without_a_usable_account_id_is_invalid(student, claim):
    token = AccessToken.for_user(student)
    if claim is None:
        del token["user_id"]
    else:
        token["user_id"] = claim

    refusal, _ = _answer(JWTAuthentication(), token)

    assert refusal is InvalidToken


def test_every_request_reads_the_account_again_in_one_query(student):
    client = bearer(str(AccessToken.for_user(student)))
    assert client.get(ME).status_code == 200
    User.objects.filter(pk=student.pk).update(is_active=False)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(ME)

    assert response.status_code == 401
    assert len(queries) == 1
