import pytest
from django.utils import timezone

from users.tests.factories import PASSWORD, StudentFactory, VendorFactory
from users.tests.helpers import LOGIN, ME, REFRESH, USER_FIELDS, bearer

pytestmark = pytest.mark.django_db


def test_login_by_email_returns_a_working_session(api):
    user = VendorFactory()

    response = api.post(LOGIN, {"email": user.email, "password": PASSWORD})

    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"access", "refresh", "user"}
    assert set(body["user"]) == USER_FIELDS
    assert body["user"]["id"] == user.pk
    assert body["user"]["user_type"] == "vendor"
    assert bearer(body["access"]).get(ME).json()["email"] == user.email
    assert api.post(REFRESH, {"refresh": body["refresh"]}).status_code == 200


def test_login_accepts_the_email_under_a_username_key(api):
    user = StudentFactory()

    response = api.post(LOGIN, {"username": user.email, "password": PASSWORD})

    assert response.status_code == 200
    assert response.json()["user"]["id"] == user.pk


def test_login_email_is_case_insensitive(api):
    user = StudentFactory(email="casey@campus.test")

    response = api.post(LOGIN, {"email": "  Casey@CAMPUS.test ", "password": PASSWORD})

    assert response.status_code == 200
    assert response.json()["user"]["id"] == user.pk


def test_login_updates_last_login(api):
    user = StudentFactory()
    assert user.last_login is None
    before = timezone.now()

    api.post(LOGIN, {"email": user.email, "password": PASSWORD})

    user.refresh_from_db()
    assert user.last_login >= before


def test_wrong_password_and_unknown_email_get_the_same_answer(api):
    user = StudentFactory()

    wrong_password = api.post(LOGIN, {"email": user.email, "password": "not-" + PASSWORD})
    unknown_email = api.post(LOGIN, {"email": "nobody@campus.test", "password": PASSWORD})

    assert wrong_password.status_code == unknown_email.status_code == 401
    assert wrong_password.json() == unknown_email.json()
    assert "detail" in wrong_password.json()


def test_failed_login_does_not_update_last_login(api):
    user = StudentFactory()

    api.post(LOGIN, {"email": user.email, "password": "wrong"})

    user.refresh_from_db()
    assert user.last_login is None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"password": PASSWORD}, "email"),
        ({"email": "a@campus.test"}, "password"),
        ({"email": "", "password": PASSWORD}, "email"),
        ({"email": ["a@campus.test"], "password": PASSWORD}, "email"),
        ({"email": "a@campus.test", "password": {"x": 1}}, "password"),
        ({"email": "a\x00@campus.test", "password": PASSWORD}, "email"),
    ],
)
def test_missing_or_wrong_typed_credentials_are_field_errors(api, body, field):
    response = api.post(LOGIN, body)

    assert response.status_code == 400
    assert field in response.json()


def test_malformed_json_is_refused(api):
    response = api.post(LOGIN, "{email: nope", content_type="application/json")

    assert response.status_code == 400


def test_stale_token_does_not_block_login(api):
    user = StudentFactory()
    api.credentials(HTTP_AUTHORIZATION="Bearer garbage")

    response = api.post(LOGIN, {"email": user.email, "password": PASSWORD})

    assert response.status_code == 200


def test_unknown_fields_are_ignored(api):
    user = StudentFactory()

    response = api.post(
        LOGIN, {"email": user.email, "password": PASSWORD, "user_type": "admin", "remember": True}
    )

    assert response.status_code == 200
    assert response.json()["user"]["user_type"] == "student"
