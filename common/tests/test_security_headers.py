"""The web app keeps tokens in localStorage, so its pages get a strict
Content-Security-Policy; the API docs and the admin keep working under theirs."""

import re

import pytest

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in policy.split(";")) if part
    }


@pytest.mark.parametrize("path", ["/", "/services/12", "/orders"])
def test_web_app_pages_get_a_strict_policy(client, path):
    csp = directives(client.get(path))

    assert csp["script-src"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert {"'self'", "data:", "blob:"} <= set(csp["img-src"])
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]


def test_every_answer_carries_a_permissions_policy(client):
    for path in ("/", "/api/health/", "/admin/login/", "/api/docs/"):
        assert "camera=()" in client.get(path)["Permissions-Policy"]


def test_images_from_an_object_store_are_allowed(client, settings):
    settings.MEDIA_URL = "https://media.example.edu/campus/"
    settings.CSP_MEDIA_ORIGINS = ["https://cdn.example.edu"]

    img = directives(client.get("/"))["img-src"]

    assert "https://media.example.edu" in img
    assert "https://cdn.example.edu" in img


def test_api_answers_allow_nothing(client):
    csp = directives(client.get("/api/health/"))

    assert csp["default-src"] == ["'none'"]


def test_api_docs_render_without_inline_scripts(client):
    page = client.get("/api/docs/")
    csp = directives(page)

    assert page.status_code == 200
    assert not INLINE_SCRIPT.search(page.content.decode())
    assert csp["script-src"] == ["'self'"]
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert "javascript" in script["Content-Type"]
    assert "/api/schema/" in script.content.decode()


def test_admin_login_page_has_no_inline_scripts(client):
    page = client.get("/admin/login/")

    assert page.status_code == 200
    assert not INLINE_SCRIPT.search(page.content.decode())
    assert directives(page)["script-src"] == ["'self'"]
