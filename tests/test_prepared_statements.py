"""On PostgreSQL a statement the API runs again and again is prepared on its
connection, so PostgreSQL plans it once (config/settings/database.py,
``DB_PREPARE_THRESHOLD``), and its answers stay the same."""

import pytest
from django.conf import settings
from django.db import connection

from catalogue.tests.factories import ServiceFactory, ServiceItemFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]


def _prepared() -> list[tuple[str, int]]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement, generic_plans + custom_plans FROM pg_prepared_statements")
        return cursor.fetchall()


def test_a_detail_read_again_and_again_is_prepared_once_and_answers_the_same(api):
    service = ServiceFactory(service_name="Campus Pizza")
    ServiceItemFactory(service=service, name="Margherita")
    threshold = settings.DB_PREPARE_THRESHOLD
    assert threshold > 0
    url = f"/api/services/{service.pk}/?nocache=1"  # a parameter the cache ignores: no cache

    bodies = [api.get(url).json() for _ in range(threshold + 3)]

    assert all(body == bodies[0] for body in bodies)
    assert bodies[0]["items"][0]["name"] == "Margherita"
    detail = [
        (sql, runs) for sql, runs in _prepared() if 'FROM "catalogue_service"' in sql and runs
    ]
    assert detail, _prepared()
    # Planned (custom or generic) only from the threshold on: the runs
    # before it were not prepared yet.
    assert max(runs for _, runs in detail) <= 4


def test_binding_on_the_server_is_what_the_connection_uses():
    options = settings.DATABASES["default"]["OPTIONS"]

    assert options["server_side_binding"] is True
    assert options["prepare_threshold"] == settings.DB_PREPARE_THRESHOLD
