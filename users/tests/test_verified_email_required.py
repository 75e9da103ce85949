"""REQUIRE_VERIFIED_EMAIL: orders, bookings and reviews need a verified email
when it is on (403 saying so); nothing changes when it is off.

An empty body shows which check answered: the permission refuses before the
input is read (403), while a caller it lets through gets the input's 400."""

import pytest

from conftest import client_for
from users.tests.factories import StudentFactory

pytestmark = pytest.mark.django_db

CREATES = ["/api/orders/", "/api/bookings/", "/api/reviews/"]


@pytest.mark.parametrize("path", CREATES)
def test_an_unverified_student_is_refused_when_required(settings, path):
    settings.REQUIRE_VERIFIED_EMAIL = True

    response = client_for(StudentFactory(email_verified=False)).post(path, {}, format="json")

    assert response.status_code == 403
    assert "Verify your email" in response.json()["detail"]


@pytest.mark.parametrize("path", CREATES)
def test_a_verified_student_passes_when_required(settings, path):
    settings.REQUIRE_VERIFIED_EMAIL = True

    response = client_for(StudentFactory(email_verified=True)).post(path, {}, format="json")

    assert response.status_code == 400


@pytest.mark.parametrize("path", CREATES)
def test_nobody_needs_a_verified_email_by_default(settings, path):
    settings.REQUIRE_VERIFIED_EMAIL = False

    response = client_for(StudentFactory(email_verified=False)).post(path, {}, format="json")

    assert response.status_code == 400


def test_reading_needs_no_verified_email(settings):
    settings.REQUIRE_VERIFIED_EMAIL = True
    client = client_for(StudentFactory(email_verified=False))

    assert [client.get(path).status_code for path in CREATES] == [200, 200, 200]


def test_the_default_is_off():
    from django.conf import settings

    assert settings.REQUIRE_VERIFIED_EMAIL is False
