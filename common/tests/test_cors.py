import pytest

pytestmark = pytest.mark.django_db

ALLOWED = "http://localhost:3000"


def preflight(api, origin, path="/api/users/login/"):
    return api.options(
        path,
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type, idempotency-key",
    )


@pytest.mark.parametrize("origin", ["http://localhost:3000", "http://127.0.0.1:3000"])
def test_default_origins_may_call_with_credentials(api, origin):
    response = preflight(api, origin)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == origin
    assert response["Access-Control-Allow-Credentials"] == "true"
    allowed_headers = response["Access-Control-Allow-Headers"].lower()
    for header in ("authorization", "content-type", "idempotency-key"):
        assert header in allowed_headers


def test_other_origins_get_no_cors_headers(api):
    response = preflight(api, "https://evil.example")

    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Credentials" not in response


def test_browser_may_read_retry_after(api):
    response = api.get("/api/health/", HTTP_ORIGIN=ALLOWED)

    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "retry-after" in response["Access-Control-Expose-Headers"].lower()


def test_errors_carry_cors_headers_too(api):
    response = api.get("/api/users/me/", HTTP_ORIGIN=ALLOWED)

    assert response.status_code == 401
    assert response["Access-Control-Allow-Origin"] == ALLOWED
