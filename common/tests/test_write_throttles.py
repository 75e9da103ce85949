"""Writes are throttled per user (common.throttles): past the scope's rate a
write is a 429 with Retry-After; reads on the same views, other users and
other scopes are not affected; the count survives a Redis outage (per
process), and parallel writes cannot slip past it together (PostgreSQL)."""

import socket

import pytest
from django.core.cache import caches
from rest_framework.settings import api_settings

from catalogue.tests.factories import ServiceFactory
from catalogue.tests.images import png_upload
from conftest import client_for
from tests.races import race
from users.tests.factories import StudentFactory

LIMIT = 3


@pytest.fixture(autouse=True)
def low_rates(settings):
    rates = dict.fromkeys(SCOPES, f"{LIMIT}/min")
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {**api_settings.DEFAULT_THROTTLE_RATES, **rates},
    }


SCOPES = ["orders", "bookings", "reviews", "stream_tickets", "closures", "uploads"]


def write_for(scope, student, vendor):
    """(client, method, url, body, format) of one write of ``scope``."""
    if scope in ("closures", "uploads"):
        service = ServiceFactory(vendor=vendor)
        if scope == "closures":
            return client_for(vendor), "post", f"/api/services/{service.pk}/closures/", {}, "json"
        body = {"images": png_upload()}
        return client_for(vendor), "patch", f"/api/services/{service.pk}/", body, "multipart"
    url = {
        "orders": "/api/orders/",
        "bookings": "/api/bookings/",
        "reviews": "/api/reviews/",
        "stream_tickets": "/api/events/ticket/",
    }[scope]
    return client_for(student), "post", url, {}, "json"


def send(client, method, url, body, fmt):
    if fmt == "multipart":
        body = {key: png_upload() for key in body}  # a file is read once
    return getattr(client, method)(url, body, format=fmt)


@pytest.mark.django_db
@pytest.mark.parametrize("scope", SCOPES)
def test_writes_past_the_rate_are_429_with_retry_after(student, vendor, scope):
    write = write_for(scope, student, vendor)

    answers = [send(*write) for _ in range(LIMIT + 1)]

    assert all(answer.status_code != 429 for answer in answers[:LIMIT])
    refused = answers[LIMIT]
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert "detail" in refused.json()


@pytest.mark.django_db
def test_reads_other_users_and_other_scopes_are_not_counted(student, vendor, api):
    orders = write_for("orders", student, vendor)
    for _ in range(LIMIT):
        send(*orders)
    assert send(*orders).status_code == 429

    assert client_for(student).get("/api/orders/").status_code == 200
    assert client_for(StudentFactory()).post("/api/orders/", {}).status_code == 400
    assert client_for(student).post("/api/reviews/", {}).status_code == 400


@pytest.mark.django_db
def test_json_writes_of_an_upload_view_are_not_counted_as_uploads(vendor):
    service = ServiceFactory(vendor=vendor)
    client = client_for(vendor)
    for n in range(LIMIT + 2):
        patched = client.patch(f"/api/services/{service.pk}/", {"description": f"v{n}"})
        assert patched.status_code == 200


def _unused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.mark.django_db
def test_throttles_keep_counting_while_redis_is_down(settings, student, vendor):
    settings.CACHES = {
        "default": {
            "BACKEND": "common.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{_unused_port()}/0",
        }
    }
    caches["default"].clear()
    write = write_for("orders", student, vendor)

    codes = [send(*write).status_code for _ in range(LIMIT + 1)]

    assert codes == [400] * LIMIT + [429]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_writes_cannot_pass_the_rate_together(student, vendor):
    results = race(
        [(client_for(student), "post", "/api/events/ticket/", {}, "json") for _ in range(LIMIT + 5)]
    )

    assert sorted(code for code, _ in results) == [200] * LIMIT + [429] * 5
