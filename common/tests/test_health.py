import pytest
from django.db import DatabaseError

from common import views

pytestmark = pytest.mark.django_db


class UnreachableDatabase:
    def cursor(self):
        raise DatabaseError("connection refused")


def test_health_answers_ok_when_the_database_answers(api):
    response = api.get("/api/health/")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_health_needs_no_token_and_ignores_a_bad_one(api):
    api.credentials(HTTP_AUTHORIZATION="Bearer garbage")

    assert api.get("/api/health/").status_code == 200


def test_health_answers_503_when_the_database_does_not(api, monkeypatch):
    monkeypatch.setattr(views, "connection", UnreachableDatabase())

    response = api.get("/api/health/")

    assert response.status_code == 503
    assert response.json()["status"] != "ok"
