"""With SECURE_SSL_REDIRECT (production behind TLS), a plain-HTTP API call is
told where to go by a 308, so clients repeat the method and body, with a JSON
body like every other API answer; pages keep Django's 301."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def plain_http(settings):
    settings.SECURE_SSL_REDIRECT = True
    # The middleware reads its settings when a client's handler first loads it.
    return Client()


@pytest.mark.parametrize("method", ["GET", "POST", "PATCH"])
def test_an_api_call_over_http_is_a_308_to_https_in_json(plain_http, method):
    response = plain_http.generic(
        method, "/api/orders/?page=2", b'{"service": 1}', content_type="application/json"
    )

    assert response.status_code == 308
    assert response["Location"] == "https://testserver/api/orders/?page=2"
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.json() == {
        "detail": "This API is served over HTTPS only: https://testserver/api/orders/?page=2"
    }


def test_pages_over_http_keep_the_usual_redirect(plain_http):
    response = plain_http.get("/orders")

    assert response.status_code == 301
    assert response["Location"] == "https://testserver/orders"


def test_https_calls_and_the_health_check_are_answered(plain_http):
    assert plain_http.get("/api/services/", secure=True).status_code == 200
    assert plain_http.get("/api/health/").status_code == 200


def test_behind_a_tls_proxy_the_forwarded_scheme_counts(plain_http, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

    assert plain_http.get("/api/services/", HTTP_X_FORWARDED_PROTO="https").status_code == 200
    assert plain_http.get("/api/services/", HTTP_X_FORWARDED_PROTO="http").status_code == 308
