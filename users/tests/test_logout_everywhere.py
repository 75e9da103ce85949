"""Log out everywhere: every session ends, the password stays the same."""

import pytest

from notifications.services import ticket_issue, ticket_redeem
from users.tests.factories import PASSWORD
from users.tests.helpers import LOGIN, ME, REFRESH, bearer

pytestmark = pytest.mark.django_db

EVERYWHERE = "/api/users/me/logout-everywhere/"


def everywhere(session, password=PASSWORD):
    return bearer(session["access"]).post(EVERYWHERE, {"password": password}, format="json")


def test_every_earlier_session_ends_and_this_client_gets_a_working_pair(api, student, login):
    this_device, other_device = login(student), login(student)

    response = everywhere(this_device)

    assert response.status_code == 200
    fresh = response.json()
    assert bearer(fresh["access"]).get(ME).status_code == 200
    assert api.post(REFRESH, {"refresh": fresh["refresh"]}).status_code == 200
    for session in (this_device, other_device):
        assert bearer(session["access"]).get(ME).status_code == 401
        assert api.post(REFRESH, {"refresh": session["refresh"]}).status_code == 401


def test_the_password_is_unchanged(api, student, login):
    everywhere(login(student))

    assert api.post(LOGIN, {"email": student.email, "password": PASSWORD}).status_code == 200


def test_a_stream_ticket_minted_before_is_refused(student, login):
    session = login(student)
    ticket, _row = ticket_issue(user=student)

    everywhere(session)

    assert ticket_redeem(ticket=ticket) is None


def test_a_wrong_password_changes_nothing(api, student, login):
    session = login(student)

    response = everywhere(session, password="not-the-password")

    assert response.status_code == 400
    assert set(response.json()) == {"password"}
    assert bearer(session["access"]).get(ME).status_code == 200
    assert api.post(REFRESH, {"refresh": session["refresh"]}).status_code == 200


def test_anonymous_callers_are_refused(api):
    assert api.post(EVERYWHERE, {"password": PASSWORD}, format="json").status_code == 401
