"""Every answer under /api/ is JSON ``{"detail": ...}``, whatever the Accept
header: unknown paths, wrong methods, oversized bodies, server errors and an
unreachable database; a missing trailing slash is a 308, never a 301."""

import pytest
from django.db import OperationalError
from rest_framework.test import APIClient

from catalogue import selectors

pytestmark = pytest.mark.django_db

BROWSER = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.fixture
def api():
    # Uncaught exceptions are answered, not re-raised into the test.
    return APIClient(raise_request_exception=False)


@pytest.fixture(params=[False, True], ids=["production", "debug"])
def debug(request, settings):
    settings.DEBUG = request.param
    return request.param


def assert_json_detail(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json"), response.content[:200]
    assert isinstance(response.json()["detail"], str)


@pytest.mark.usefixtures("debug")
@pytest.mark.parametrize("path", ["/api/nothing-here/", "/api/nothing-here", "/api/services/x/"])
def test_unknown_paths_are_json_404(api, path):
    assert_json_detail(api.get(path, **BROWSER), 404)


@pytest.mark.usefixtures("debug")
def test_wrong_method_is_json_405_with_allow(api):
    response = api.delete("/api/health/", **BROWSER)

    assert_json_detail(response, 405)
    assert "GET" in response["Allow"]


def test_drf_errors_asked_for_as_html_keep_their_json_data(api):
    response = api.post("/api/users/register/", {}, format="json", **BROWSER)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "email" in response.json()


@pytest.mark.usefixtures("debug")
def test_a_ten_megabyte_body_is_a_json_413(api, settings):
    body = b'{"email": "' + b"a" * (10 * 1000 * 1000) + b'"}'

    response = api.generic("POST", "/api/users/register/", body, "application/json", **BROWSER)

    assert_json_detail(response, 413)
    assert str(settings.MAX_REQUEST_BODY_BYTES) in response.json()["detail"]


def test_the_body_limit_is_at_most_ten_megabytes(settings):
    assert settings.MAX_REQUEST_BODY_BYTES <= 10 * 1000 * 1000
    assert settings.MAX_REQUEST_BODY_BYTES > settings.MAX_IMAGE_BYTES


@pytest.mark.usefixtures("debug")
def test_a_server_error_is_a_json_500(api, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(selectors, "service_list_for", broken)

    response = api.get("/api/services/", **BROWSER)

    assert_json_detail(response, 500)
    assert "a bug" not in response.content.decode()


@pytest.mark.usefixtures("debug")
def test_an_unreachable_database_is_a_json_503_with_retry_after(api, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(selectors, "service_list_for", unreachable)

    response = api.get("/api/services/", **BROWSER)

    assert_json_detail(response, 503)
    assert int(response["Retry-After"]) > 0


@pytest.mark.usefixtures("debug")
def test_post_without_the_trailing_slash_is_a_308_keeping_method_and_body(api, student):
    response = api.post("/api/orders?x=1", {"service": 1}, format="json")

    assert_json_detail(response, 308)
    assert response["Location"] == "/api/orders/?x=1"


@pytest.mark.usefixtures("debug")
def test_get_without_the_trailing_slash_is_a_308_too(api):
    response = api.get("/api/services")

    assert response.status_code == 308
    assert response["Location"] == "/api/services/"
    assert api.get("/api/services", follow=True).status_code == 200


def test_the_health_check_503_is_json_with_retry_after(api, monkeypatch):
    from common import views

    class Unreachable:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(views, "connection", Unreachable())

    response = api.get("/api/health/")

    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["database"] == "unavailable"
    assert int(response["Retry-After"]) > 0


def test_pages_outside_the_api_keep_django_errors(api):
    response = api.get("/admin/nothing-here/")

    assert not response["Content-Type"].startswith("application/json")


@pytest.mark.usefixtures("debug")
def test_a_host_name_not_allowed_is_a_json_400(api):
    assert_json_detail(api.get("/api/health/", HTTP_HOST="evil.example", **BROWSER), 400)


@pytest.mark.usefixtures("debug")
def test_too_many_form_fields_is_a_json_400(vendor_client, settings):
    # Multipart is taken only where a file is uploaded (a vendor profile's logo).
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    body = {f"f{n}": "1" for n in range(50)}

    response = vendor_client.post("/api/vendor-profiles/", body, format="multipart", **BROWSER)

    assert_json_detail(response, 400)


@pytest.mark.usefixtures("debug")
def test_a_form_body_where_json_is_expected_is_a_json_415(api):
    body = "email=a%40b.c&password=x"

    response = api.generic(
        "POST", "/api/users/login/", body, "application/x-www-form-urlencoded", **BROWSER
    )

    assert_json_detail(response, 415)
