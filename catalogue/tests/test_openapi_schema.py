"""The OpenAPI schema documents every catalogue endpoint, filter and upload body."""

import pytest
from drf_spectacular.generators import SchemaGenerator

ENDPOINTS = {
    "/api/vendor-profiles/": {"get", "post"},
    "/api/vendor-profiles/{id}/": {"get", "patch", "delete"},
    "/api/services/": {"get", "post"},
    "/api/services/{id}/": {"get", "put", "patch", "delete"},
    "/api/services/{id}/update_availability/": {"post"},
    "/api/services/by_type/": {"get"},
    "/api/services/by_category/": {"get"},
    "/api/services/{id}/reviews/": {"get"},
    "/api/services/{service_pk}/items/": {"get", "post"},
    "/api/services/{service_pk}/items/{id}/": {"get", "patch", "delete"},
}


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def parameters(schema, path, method="get") -> set[str]:
    return {p["name"] for p in schema["paths"][path][method].get("parameters", [])}


def test_every_catalogue_endpoint_is_documented(schema):
    for path, methods in ENDPOINTS.items():
        documented = set(schema["paths"][path]) - {"parameters"}
        assert documented == methods, path


def test_list_filters_are_documented(schema):
    assert parameters(schema, "/api/services/") >= {
        "category",
        "service_type",
        "is_available",
        "vendor",
        "min_price",
        "max_price",
        "search",
        "ordering",
        "page",
        "page_size",
    }
    assert parameters(schema, "/api/vendor-profiles/") >= {"search", "is_verified", "page"}
    assert "type" in parameters(schema, "/api/services/by_type/")
    assert "category" in parameters(schema, "/api/services/by_category/")


@pytest.mark.parametrize(
    "path, method, field",
    [
        ("/api/services/", "post", "images"),
        ("/api/services/{id}/", "patch", "images"),
        ("/api/services/{service_pk}/items/", "post", "image"),
        ("/api/services/{service_pk}/items/{id}/", "patch", "image"),
        ("/api/vendor-profiles/", "post", "logo"),
        ("/api/vendor-profiles/{id}/", "patch", "logo"),
    ],
)
def test_uploads_have_multipart_bodies_with_a_binary_file(schema, path, method, field):
    content = schema["paths"][path][method]["requestBody"]["content"]
    ref = content["multipart/form-data"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert schema["components"]["schemas"][ref]["properties"][field]["format"] == "binary"
