import pytest
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken

from users.tests.factories import StudentFactory
from users.tests.helpers import LOGOUT, REFRESH, bearer

pytestmark = pytest.mark.django_db


def test_logout_blacklists_the_refresh_token(api, student, login):
    session = login(student)

    response = bearer(session["access"]).post(LOGOUT, {"refresh": session["refresh"]})

    assert response.status_code == 204
    assert BlacklistedToken.objects.filter(token__token=session["refresh"]).exists()
    assert api.post(REFRESH, {"refresh": session["refresh"]}).status_code == 401


def test_logout_leaves_other_sessions_of_the_user_alone(api, student, login):
    laptop, phone = login(student), login(student)

    bearer(laptop["access"]).post(LOGOUT, {"refresh": laptop["refresh"]})

    assert api.post(REFRESH, {"refresh": phone["refresh"]}).status_code == 200


def test_someone_elses_refresh_token_cannot_be_logged_out(api, student, login):
    other = login(StudentFactory())
    mine = login(student)

    response = bearer(mine["access"]).post(LOGOUT, {"refresh": other["refresh"]})

    assert response.status_code == 400
    assert "refresh" in response.json()
    assert not BlacklistedToken.objects.exists()
    assert api.post(REFRESH, {"refresh": other["refresh"]}).status_code == 200


def test_logout_needs_authentication(api, student, login):
    session = login(student)

    response = api.post(LOGOUT, {"refresh": session["refresh"]})

    assert response.status_code == 401
    assert api.post(REFRESH, {"refresh": session["refresh"]}).status_code == 200


def test_logging_out_twice_is_refused(student, login):
    session = login(student)
    client = bearer(session["access"])
    client.post(LOGOUT, {"refresh": session["refresh"]})

    assert client.post(LOGOUT, {"refresh": session["refresh"]}).status_code == 401


def test_garbage_refresh_token_is_refused(student_client):
    assert student_client.post(LOGOUT, {"refresh": "garbage"}).status_code == 401


@pytest.mark.parametrize("body", [{}, {"refresh": ""}, {"refresh": {"jti": "x"}}, {"refresh": []}])
def test_missing_or_wrong_typed_refresh_is_a_field_error(student_client, body):
    response = student_client.post(LOGOUT, body)

    assert response.status_code == 400
    assert "refresh" in response.json()
    assert not BlacklistedToken.objects.exists()
