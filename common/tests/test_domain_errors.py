"""The domain error family is plain Python; the one handler gives each its status."""

import ast
from pathlib import Path

import pytest
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from common import exceptions

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("exc", "status", "body"),
    [
        (exceptions.DomainError("Bad.", field="name"), 400, {"name": ["Bad."]}),
        (exceptions.DomainError("Bad."), 400, {"detail": "Bad."}),
        (exceptions.Unauthenticated("Who?"), 401, {"detail": "Who?"}),
        (exceptions.Forbidden("No."), 403, {"detail": "No."}),
        (exceptions.NotFound(), 404, {"detail": "Not found."}),
        (exceptions.Conflict("Busy."), 409, {"detail": "Busy."}),
        (exceptions.KeyReused("Other body."), 422, {"detail": "Other body."}),
    ],
)
def test_each_domain_error_has_its_status(exc, status, body):
    class Raising(APIView):
        authentication_classes = []
        permission_classes = []

        def get(self, request):
            raise exc

    response = Raising.as_view()(APIRequestFactory().get("/"))

    assert (response.status_code, response.data) == (status, body)


def test_unauthenticated_names_the_scheme_like_drf_does():
    from rest_framework_simplejwt.authentication import JWTAuthentication

    class Raising(APIView):
        authentication_classes = [JWTAuthentication]
        permission_classes = []

        def get(self, request):
            raise exceptions.Unauthenticated("Who?")

    response = Raising.as_view()(APIRequestFactory().get("/"))

    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Bearer")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("app", ["users", "catalogue", "orders", "reviews", "bookings", "schedule"])
def test_services_raise_no_http_exceptions(app):
    """Services speak the domain family only: no DRF, no Http404."""
    for path in sorted((ROOT / app).glob("services*.py")):
        for name in _imports(path):
            assert not name.startswith("rest_framework."), f"{path.name} imports {name}"
            assert name != "django.http", f"{path.name} imports {name}"
