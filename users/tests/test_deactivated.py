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


def test_deactivated_user_cannot_log_in_and_learns_nothing_more(api, student, deactivate):
    deactivate(student)

    inactive = api.post(LOGIN, {"email": student.email, "password": PASSWORD})
    unknown = api.post(LOGIN, {"email": "nobody@campus.test", "password": PASSWORD})

    assert inactive.status_code == 401
    assert inactive.json() == unknown.json()


def test_deactivated_user_cannot_log_out_either(student, login, deactivate):
    session = login(student)

    deactivate(student)

    assert (
        bearer(session["access"]).post(LOGOUT, {"refresh": session["refresh"]}).status_code == 401
    )
