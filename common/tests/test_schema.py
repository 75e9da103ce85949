import pytest

pytestmark = pytest.mark.django_db

ACCOUNT_OPERATIONS = {
    "/api/users/register/": {"post"},
    "/api/users/login/": {"post"},
    "/api/users/logout/": {"post"},
    "/api/users/me/": {"get", "patch"},
    "/api/users/me/password/": {"post"},
    "/api/token/refresh/": {"post"},
    "/api/health/": {"get"},
}


@pytest.fixture
def schema(api):
    response = api.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_schema_is_openapi_3(schema):
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"]


def test_schema_is_served_as_yaml_by_default(api):
    response = api.get("/api/schema/")

    assert response.status_code == 200
    assert response.content.startswith(b"openapi: 3.")


def test_schema_lists_every_account_endpoint_with_its_methods_only(schema):
    for path, methods in ACCOUNT_OPERATIONS.items():
        documented = set(schema["paths"][path]) - {"parameters"}
        assert documented == methods, path


def test_schema_documents_login_failures_and_throttling(schema):
    responses = schema["paths"]["/api/users/login/"]["post"]["responses"]

    assert {"200", "400", "401", "429"} <= set(responses)


def test_schema_documents_the_bearer_scheme(schema):
    schemes = schema["components"]["securitySchemes"]

    assert any(scheme.get("scheme") == "bearer" for scheme in schemes.values())


def test_docs_page_renders_the_schema(api):
    response = api.get("/api/docs/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert "/api/schema/" in response.content.decode()
