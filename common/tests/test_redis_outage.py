"""Losing Redis costs speed, never correctness.

The cache points at a Redis that is not there (a port nobody listens on):
every request that used to answer 500 (anonymous catalogue reads, login,
registration, and writes whose after-commit cache bump raised) is answered,
throttles keep counting in the process, and the health check says
``degraded``. Killing a real Redis under load is proven in tests/faults/.
"""

import socket

import pytest
from django.core.cache import caches

from catalogue.models import Service
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory
from conftest import client_for
from users.models import User
from users.tests.factories import PASSWORD, StudentFactory
from users.tests.helpers import LOGIN
from users.throttles import AccountLoginThrottle

pytestmark = pytest.mark.django_db


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "common.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_unused_port()}/0",
        }
    }
    caches["default"].clear()  # fails over: empties this process's fallback
    yield


@pytest.fixture
def account_limit(monkeypatch):
    monkeypatch.setattr(AccountLoginThrottle, "THROTTLE_RATES", {"login_account": "3/min"})


def test_health_is_degraded_and_names_the_cache(api):
    response = api.get("/api/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "cache": "unavailable"}


def test_anonymous_catalogue_reads_come_from_the_database(api):
    item = ServiceItemFactory(service__service_name="Noodles")
    service = item.service

    assert api.get("/api/services/").json()["results"][0]["service_name"] == "Noodles"
    assert api.get(f"/api/services/{service.pk}/").status_code == 200
    assert api.get(f"/api/services/{service.pk}/items/").json()["count"] == 1
    assert api.get("/api/services/by_type/?type=ordering").status_code == 200
    assert api.get("/api/vendor-profiles/").status_code == 200

    Service.objects.update(service_name="Ramen")  # behind the cache's back
    assert api.get("/api/services/").json()["results"][0]["service_name"] == "Ramen"


def test_login_and_registration_answer(api):
    student = StudentFactory()

    assert api.post(LOGIN, {"email": student.email, "password": PASSWORD}).status_code == 200
    assert api.post(LOGIN, {"email": student.email, "password": "wrong"}).status_code == 401
    response = api.post(
        "/api/users/register/",
        {"email": "new@campus.test", "password": "a-long-pass-phrase", "user_type": "student"},
    )
    assert response.status_code == 201, response.json()
    assert User.objects.filter(email="new@campus.test").exists()


@pytest.mark.usefixtures("account_limit")
def test_failed_logins_are_still_counted_per_process(api):
    student = StudentFactory()
    for _ in range(3):
        assert api.post(LOGIN, {"email": student.email, "password": "x"}).status_code == 401

    response = api.post(LOGIN, {"email": student.email, "password": PASSWORD})

    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0


def test_a_review_that_committed_is_answered_as_a_success(api, django_capture_on_commit_callbacks):
    service = ServiceFactory()
    student = StudentFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(student).post("/api/reviews/", {"service": service.pk, "rating": 4})

    assert response.status_code == 201, response.json()
    assert api.get(f"/api/services/{service.pk}/").json()["rating"] in ("4.00", 4, "4.0", 4.0)


def test_a_service_edit_that_committed_is_answered_as_a_success(
    vendor, vendor_client, api, django_capture_on_commit_callbacks
):
    service = ServiceFactory(vendor=vendor, service_name="Before")

    with django_capture_on_commit_callbacks(execute=True):
        response = vendor_client.patch(f"/api/services/{service.pk}/", {"service_name": "After"})

    assert response.status_code == 200
    assert api.get(f"/api/services/{service.pk}/").json()["service_name"] == "After"


def test_the_version_read_of_a_copy_falls_back_too(api):
    """A process's copy of a stored answer is checked against the version on
    the thread's own connection; with Redis gone that read falls back like
    every other, and the answer comes from the database."""
    from common.cache import get_small

    assert get_small("catalogue:version", "none") == "none"
    assert caches["default"].degraded
    service = ServiceFactory(service_name="Before")
    url = f"/api/services/{service.pk}/"
    assert api.get(url).json()["service_name"] == "Before"
    Service.objects.filter(pk=service.pk).update(service_name="After")

    assert api.get(url).json()["service_name"] == "After"
