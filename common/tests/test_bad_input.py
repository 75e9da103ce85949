import pytest

from users.models import User

pytestmark = pytest.mark.django_db

REGISTER = "/api/users/register/"


@pytest.mark.parametrize(
    "body",
    [
        '{"email": "a@campus.test",',
        "{email: 'a@campus.test'}",
        "not json at all",
        '{"email": NaN}x',
        "\x00",
        "\xff\xfe",
    ],
)
def test_malformed_json_is_a_400_and_writes_nothing(api, body):
    response = api.post(REGISTER, body, content_type="application/json")

    assert response.status_code == 400
    assert "detail" in response.json()
    assert not User.objects.exists()


def test_deeply_nested_json_is_a_400(api):
    body = "[" * 100_000 + "]" * 100_000

    response = api.post(REGISTER, body, content_type="application/json")

    assert response.status_code == 400
    assert not User.objects.exists()


def test_empty_body_is_a_field_error_not_a_crash(api):
    response = api.post(REGISTER, "", content_type="application/json")

    assert response.status_code == 400
    assert not User.objects.exists()


@pytest.mark.parametrize("query", ["q=%00", "%00=1", "page=1&search=a%00b"])
def test_nul_byte_in_the_query_string_is_a_400(api, query):
    response = api.get(f"/api/health/?{query}")

    assert response.status_code == 400
    assert "detail" in response.json()


def test_unsupported_content_type_is_a_415(api):
    response = api.post(REGISTER, "<user/>", content_type="application/xml")

    assert response.status_code == 415
    assert not User.objects.exists()
