import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection
from rest_framework.test import APIClient

from users.models import User
from users.tests.factories import PASSWORD, StudentFactory
from users.tests.helpers import LOGIN, REGISTER, USER_FIELDS

pytestmark = pytest.mark.django_db


def payload(**overrides):
    return {"email": "new.student@campus.test", "password": PASSWORD, "user_type": "student"} | (
        overrides
    )


@pytest.mark.parametrize("user_type", ["student", "vendor"])
def test_anyone_registers_a_student_or_vendor_account(api, user_type):
    response = api.post(
        REGISTER,
        payload(user_type=user_type, first_name="Ada", last_name="Lovelace", phone_number="0700"),
    )

    assert response.status_code == 201
    body = response.json()
    assert set(body) == USER_FIELDS
    assert body["user_type"] == user_type
    assert (body["first_name"], body["last_name"], body["phone_number"]) == (
        "Ada",
        "Lovelace",
        "0700",
    )
    user = User.objects.get(pk=body["id"])
    assert user.user_type == user_type
    assert user.check_password(PASSWORD)
    assert not user.is_staff
    assert user.is_active


def test_registered_user_can_log_in(api):
    api.post(REGISTER, payload())

    response = api.post(LOGIN, {"email": "new.student@campus.test", "password": PASSWORD})

    assert response.status_code == 200


def test_optional_fields_default_to_blank(api):
    response = api.post(REGISTER, payload())

    assert response.status_code == 201
    body = response.json()
    assert (body["first_name"], body["last_name"], body["phone_number"]) == ("", "", "")


def test_email_is_stored_lower_case(api):
    response = api.post(REGISTER, payload(email="Mixed.Case@Campus.TEST"))

    assert response.status_code == 201
    assert response.json()["email"] == "mixed.case@campus.test"
    assert User.objects.filter(email="mixed.case@campus.test").exists()


def test_email_is_unique_whatever_its_case(api):
    assert api.post(REGISTER, payload(email="A@x.com")).status_code == 201

    response = api.post(REGISTER, payload(email="a@X.com"))

    assert response.status_code == 400
    assert "email" in response.json()
    assert User.objects.count() == 1


def test_admin_account_cannot_be_self_registered(api):
    response = api.post(REGISTER, payload(user_type="admin"))

    assert response.status_code == 400
    assert "user_type" in response.json()
    assert not User.objects.exists()


@pytest.mark.parametrize("user_type", ["ADMIN", "superuser", "", None, 1, ["student"]])
def test_unknown_user_type_is_refused(api, user_type):
    response = api.post(REGISTER, payload(user_type=user_type))

    assert response.status_code == 400
    assert "user_type" in response.json()
    assert not User.objects.exists()


@pytest.mark.parametrize(
    "password",
    [
        pytest.param("Xq7!a", id="too-short"),
        pytest.param("password123", id="common"),
        pytest.param("8302749516", id="numeric"),
        pytest.param("new.student.campus", id="like-the-email"),
    ],
)
def test_weak_password_is_refused(api, password):
    response = api.post(REGISTER, payload(password=password))

    assert response.status_code == 400
    assert response.json()["password"]
    assert not User.objects.exists()


def test_missing_fields_are_reported_per_field(api):
    response = api.post(REGISTER, {})

    assert response.status_code == 400
    assert set(response.json()) == {"email", "password", "user_type"}
    assert not User.objects.exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("email", ["a@x.com"]),
        ("email", "not-an-email"),
        ("email", "a\x00b@campus.test"),
        ("email", f"{'a' * 250}@x.com"),
        ("password", {"plain": PASSWORD}),
        ("password", None),
        ("first_name", ["Ada"]),
        ("last_name", {"x": 1}),
        ("first_name", "A" * 151),
        ("phone_number", "0" * 21),
        ("phone_number", "07\x0000"),
    ],
)
def test_wrong_typed_or_invalid_field_is_a_field_error(api, field, value):
    response = api.post(REGISTER, payload(**{field: value}))

    assert response.status_code == 400
    assert field in response.json()
    assert not User.objects.exists()


def test_body_that_is_not_an_object_is_refused(api):
    response = api.post(REGISTER, ["email", "password"])

    assert response.status_code == 400
    assert not User.objects.exists()


def test_malformed_json_is_refused(api):
    response = api.post(REGISTER, '{"email": "x@campus.test",', content_type="application/json")

    assert response.status_code == 400
    assert "detail" in response.json()
    assert not User.objects.exists()


def test_unknown_and_privileged_fields_are_ignored(api):
    response = api.post(
        REGISTER,
        payload(
            is_staff=True,
            is_superuser=True,
            is_active=False,
            date_joined="2000-01-01T00:00:00Z",
            favourite_colour="green",
        ),
    )

    assert response.status_code == 201
    user = User.objects.get()
    assert not user.is_staff
    assert not user.is_superuser
    assert user.is_active
    assert user.date_joined.year != 2000


def test_form_encoded_registration_is_refused_as_unsupported(api):
    # Bodies are JSON; multipart is taken only where an image is uploaded.
    response = api.post(REGISTER, payload(user_type="vendor"), format="multipart")

    assert response.status_code == 415
    assert response["Content-Type"] == "application/json"
    assert not User.objects.exists()


def test_stale_token_does_not_block_registration(api):
    api.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")

    response = api.post(REGISTER, payload())

    assert response.status_code == 201


def test_registration_does_not_expose_the_password(api):
    response = api.post(REGISTER, payload())

    assert PASSWORD not in response.content.decode()
    assert "password" not in response.json()


def test_existing_users_email_cannot_be_taken(api):
    existing = StudentFactory(email="taken@campus.test")

    response = api.post(REGISTER, payload(email="TAKEN@campus.test", user_type="vendor"))

    assert response.status_code == 400
    assert "email" in response.json()
    assert list(User.objects.all()) == [existing]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_racing_registrations_of_one_email_create_one_account():
    threads = 8
    barrier = threading.Barrier(threads, timeout=60)

    def register(index):
        try:
            barrier.wait()
            email = "Racer@campus.test" if index % 2 else "racer@CAMPUS.test"
            return APIClient().post(REGISTER, payload(email=email)).status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(threads) as pool:
        codes = list(pool.map(register, range(threads)))

    assert sorted(codes) == [201] + [400] * (threads - 1)
    assert User.objects.filter(email="racer@campus.test").count() == 1
