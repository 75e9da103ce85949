"""Session, CSRF, session-user and message middleware run for the admin, not the API."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_admin_still_logs_in_with_a_session_and_csrf(admin_user):
    client = Client(enforce_csrf_checks=True)
    login_page = client.get("/admin/login/")
    assert login_page.status_code == 200
    token = login_page.cookies["csrftoken"].value

    refused = Client(enforce_csrf_checks=True).post(
        "/admin/login/", {"username": admin_user.email, "password": "x"}
    )
    assert refused.status_code == 403  # no CSRF token: CsrfViewMiddleware ran

    admin_user.set_password("a-long-admin-password")
    admin_user.save()
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": admin_user.email, "password": "a-long-admin-password",
         "csrfmiddlewaretoken": token},
    )  # fmt: skip
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_api_answers_set_no_session_or_csrf_cookie(api):
    response = api.get("/api/services/")

    assert response.status_code == 200
    assert not response.cookies
    assert response["X-Frame-Options"] == "DENY"
