import pytest
from rest_framework_simplejwt.token_blacklist.models import OutstandingToken

from users.tests.factories import PASSWORD
from users.tests.helpers import LOGIN, ME, PASSWORD_CHANGE, REFRESH, bearer

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "purple-otter-kettle-42"


def change(session, old=PASSWORD, new=NEW_PASSWORD):
    return bearer(session["access"]).post(
        PASSWORD_CHANGE, {"old_password": old, "new_password": new}
    )


def test_password_change_returns_a_working_pair(api, student, login):
    response = change(login(student))

    assert response.status_code == 200
    fresh = response.json()
    assert set(fresh) == {"access", "refresh"}
    assert bearer(fresh["access"]).get(ME).status_code == 200
    assert api.post(REFRESH, {"refresh": fresh["refresh"]}).status_code == 200


def test_only_the_new_password_logs_in_afterwards(api, student, login):
    change(login(student))

    assert api.post(LOGIN, {"email": student.email, "password": PASSWORD}).status_code == 401
    assert api.post(LOGIN, {"email": student.email, "password": NEW_PASSWORD}).status_code == 200


def test_earlier_sessions_are_revoked(api, student, login):
    this_device, other_device = login(student), login(student)

    change(this_device)

    for session in (this_device, other_device):
        assert bearer(session["access"]).get(ME).status_code == 401
        assert api.post(REFRESH, {"refresh": session["refresh"]}).status_code == 401
    blacklisted = OutstandingToken.objects.filter(
        token__in=[this_device["refresh"], other_device["refresh"]],
        blacklistedtoken__isnull=False,
    )
    assert blacklisted.count() == 2


def test_wrong_old_password_is_refused_and_changes_nothing(api, student, login):
    session = login(student)

    response = change(session, old="not-the-password")

    assert response.status_code == 400
    assert "old_password" in response.json()
    student.refresh_from_db()
    assert student.check_password(PASSWORD)
    assert bearer(session["access"]).get(ME).status_code == 200
    assert api.post(REFRESH, {"refresh": session["refresh"]}).status_code == 200


@pytest.mark.parametrize("new", ["short", "password123", "5820394817"])
def test_weak_new_password_is_refused(student, login, new):
    response = change(login(student), new=new)

    assert response.status_code == 400
    assert response.json()["new_password"]
    student.refresh_from_db()
    assert student.check_password(PASSWORD)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"new_password": NEW_PASSWORD}, "old_password"),
        ({"old_password": PASSWORD}, "new_password"),
        ({"old_password": PASSWORD, "new_password": [NEW_PASSWORD]}, "new_password"),
        ({"old_password": {"p": PASSWORD}, "new_password": NEW_PASSWORD}, "old_password"),
    ],
)
def test_missing_or_wrong_typed_fields_are_field_errors(student, student_client, body, field):
    response = student_client.post(PASSWORD_CHANGE, body)

    assert response.status_code == 400
    assert field in response.json()
    student.refresh_from_db()
    assert student.check_password(PASSWORD)


def test_password_change_needs_authentication(api, student):
    response = api.post(PASSWORD_CHANGE, {"old_password": PASSWORD, "new_password": NEW_PASSWORD})

    assert response.status_code == 401
    student.refresh_from_db()
    assert student.check_password(PASSWORD)
