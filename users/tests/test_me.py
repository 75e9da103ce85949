from datetime import timedelta

import pytest
from rest_framework_simplejwt.backends import TokenBackend
from rest_framework_simplejwt.tokens import AccessToken

from users.tests.helpers import ME, USER_FIELDS, bearer

pytestmark = pytest.mark.django_db


def test_me_returns_the_current_user(student, student_client):
    response = student_client.get(ME)

    assert response.status_code == 200
    body = response.json()
    assert set(body) == USER_FIELDS
    assert body["id"] == student.pk
    assert body["email"] == student.email
    assert body["user_type"] == "student"


def test_me_needs_a_token(api):
    assert api.get(ME).status_code == 401
    assert api.patch(ME, {"first_name": "X"}).status_code == 401


@pytest.mark.parametrize(
    "header",
    ["Bearer garbage", "Bearer a.b.c", "Bearer ", "Token abc", "Bearer " + "x" * 5000],
)
def test_garbage_token_is_refused(api, student, header):
    api.credentials(HTTP_AUTHORIZATION=header)

    assert api.get(ME).status_code == 401


def test_expired_access_token_is_refused(student):
    token = AccessToken.for_user(student)
    token.set_exp(lifetime=-timedelta(seconds=1))

    response = bearer(str(token)).get(ME)

    assert response.status_code == 401


def test_token_signed_with_another_key_is_refused(student):
    forged = TokenBackend("HS256", signing_key="not-our-key-" + "x" * 40).encode(
        dict(AccessToken.for_user(student).payload)
    )

    assert bearer(forged).get(ME).status_code == 401


def test_user_may_change_names_and_phone(student, student_client):
    response = student_client.patch(
        ME, {"first_name": "Grace", "last_name": "Hopper", "phone_number": "+254700000000"}
    )

    assert response.status_code == 200
    assert response.json()["first_name"] == "Grace"
    student.refresh_from_db()
    assert (student.first_name, student.last_name, student.phone_number) == (
        "Grace",
        "Hopper",
        "+254700000000",
    )


def test_role_flags_and_email_in_the_body_are_ignored(student, student_client):
    response = student_client.patch(
        ME,
        {
            "first_name": "Grace",
            "user_type": "admin",
            "is_staff": True,
            "is_superuser": True,
            "is_active": False,
            "email": "someone.else@campus.test",
            "id": student.pk + 100,
        },
    )

    assert response.status_code == 200
    assert response.json()["user_type"] == "student"
    student.refresh_from_db()
    assert student.first_name == "Grace"
    assert student.user_type == "student"
    assert not student.is_staff
    assert not student.is_superuser
    assert student.is_active
    assert student.email != "someone.else@campus.test"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("first_name", ["Grace"]),
        ("last_name", {"x": 1}),
        ("phone_number", "0" * 21),
        ("first_name", "Gr\x00ace"),
        ("first_name", "A" * 151),
    ],
)
def test_invalid_update_is_a_field_error_and_changes_nothing(student, student_client, field, value):
    before = (student.first_name, student.last_name, student.phone_number)

    response = student_client.patch(ME, {field: value})

    assert response.status_code == 400
    assert field in response.json()
    student.refresh_from_db()
    assert (student.first_name, student.last_name, student.phone_number) == before


def test_put_is_not_offered(student_client):
    assert student_client.put(ME, {"first_name": "Grace"}).status_code == 405
