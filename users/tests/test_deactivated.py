import pytest

from users.tests.factories import PASSWORD
from users.tests.helpers import LOGIN, LOGOUT, ME, PASSWORD_CHANGE, REFRESH, bearer

pytestmark = pytest.mark.django_db


@pytest.fixture
def deactivate():
    def _deactivate(user):
        user.is_active = False
        user.save(update_fields=["is_active"])

    return _deactivate


def test_deactivated_user_is_refused_on_the_next_request(student, login, deactivate):
    client = bearer(login(student)["access"])
    assert client.get(ME).status_code == 200

    deactivate(student)

    assert client.get(ME).status_code == 401
    assert client.patch(ME, {"first_name": "Still"}).status_code == 401
    response = client.post(PASSWORD_CHANGE, {"old_password": PASSWORD, "new_password": "x" * 20})
    assert response.status_code == 401
    student.refresh_from_db()
    assert student.first_name != "Still"


def test_deactivated_user_cannot_refresh(api, student, login, deactivate):
    refresh = login(student)["refresh"]

    deactivate(student)

    assert api.post(REFRESH, {"refresh": refresh}).status_code == 401


def test_deactivated_user_with_the_right_password_is_told_the_account_is_suspended(
    api, student, deactivate
):
    deactivate(student)

    response = api.post(LOGIN, {"email": student.email, "password": PASSWORD})

    assert response.status_code == 403
    assert "suspended" in response.json()["detail"]
    assert "access" not in response.json()


def test_a_wrong_password_for_a_deactivated_account_reveals_nothing(api, student, deactivate):
    deactivate(student)

    inactive = api.post(LOGIN, {"email": student.email, "password": "wrong-password-1"})
    unknown = api.post(LOGIN, {"email": "nobody@campus.test", "password": "wrong-password-1"})

    assert inactive.status_code == unknown.status_code == 401
    assert inactive.json() == unknown.json()


def test_deactivated_user_cannot_log_out_either(student, login, deactivate):
    session = login(student)

    deactivate(student)

    assert (
        bearer(session["access"]).post(LOGOUT, {"refresh": session["refresh"]}).status_code == 401
    )
