"""Who may do what: every endpoint of the contract (see docs/API.md) as
every role, with the exact status code the contract gives.

One table drives it all. The coverage tests compare the table with the
project's OpenAPI schema, so an endpoint added without a row (or a row whose
endpoint disappeared) fails the suite.

Roles: ``anon`` (no token), ``student`` (the customer of the order and author
of the review), ``other_student``, ``vendor`` (owner of the profile, the
services and the item), ``other_vendor`` (owns nothing), ``admin``.
Each body is valid, so the status reflects authorization, not validation.
"""

import json
import re

import pytest
from django.urls import Resolver404, resolve
from drf_spectacular.generators import SchemaGenerator

from orders.models import Order
from tests.authorization_table import MATRIX
from tests.world import ROLES


def _shape(path: str) -> str:
    """``/api/services/{id}/items/{item_id}/`` and ``.../{service}/items/{item}/`` alike."""
    return re.sub(r"\{[^}]+\}", "{}", path)


def _schema_operations() -> set[tuple[str, str]]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        (method.upper(), _shape(path))
        for path, operations in schema["paths"].items()
        for method in operations
        if method in {"get", "post", "put", "patch", "delete"}
    }


def test_every_schema_operation_has_a_row():
    rows = {(row.method, _shape(row.path)) for row in MATRIX}
    missing = sorted(_schema_operations() - rows)
    assert not missing, f"endpoints without a row in MATRIX: {missing}"


def test_every_row_is_an_operation_of_the_schema():
    operations = _schema_operations()
    stale = [
        f"{row.method} {row.path}"
        for row in MATRIX
        if row.in_schema and (row.method, _shape(row.path)) not in operations
    ]
    assert not stale, f"rows for endpoints the schema does not have: {stale}"


@pytest.mark.parametrize("row", [row for row in MATRIX if not row.in_schema], ids=lambda r: r.path)
def test_rows_outside_the_schema_are_routed(row):
    try:
        resolve(row.path)
    except Resolver404:
        pytest.fail(f"{row.path} is not routed")


def test_the_table_has_one_row_per_operation():
    keys = [(row.method, _shape(row.path)) for row in MATRIX]
    assert len(keys) == len(set(keys))


CASES = [
    pytest.param(row, role, id=f"{row.method} {row.path} as {role}")
    for row in MATRIX
    for role in ROLES
]


@pytest.mark.parametrize(("row", "role"), CASES)
def test_status_code_matches_the_contract(world, row, role):
    client = world.client(role)
    body = row.body(world, role) if row.body else None
    response = client.generic(
        row.method,
        row.url(world),
        data=None if body is None else json.dumps(body),
        content_type="application/json",
    )
    assert response.status_code == row.expect[role], _describe(response)


def _describe(response) -> str:
    content = " ".join(response.content[:300].decode(errors="replace").split())
    return f"got {response.status_code}: {content}"


@pytest.mark.parametrize(
    ("role", "sees_the_order"),
    [
        ("student", True),
        ("other_student", False),
        ("vendor", True),
        ("other_vendor", False),
        ("admin", True),
    ],
)
def test_order_list_shows_only_the_callers_orders(world, role, sees_the_order):
    response = world.client(role).get("/api/orders/")

    assert response.status_code == 200
    ids = [order["id"] for order in response.json()["results"]]
    assert ids == ([world.order.pk] if sees_the_order else [])
    assert Order.objects.count() == 1


@pytest.mark.parametrize(
    ("role", "sees_the_booking"),
    [
        ("student", True),
        ("other_student", False),
        ("vendor", True),
        ("other_vendor", False),
        ("admin", True),
    ],
)
def test_booking_list_shows_only_the_callers_bookings(world, role, sees_the_booking):
    response = world.client(role).get("/api/bookings/")

    assert response.status_code == 200
    ids = [booking["id"] for booking in response.json()["results"]]
    assert ids == ([world.booking.pk] if sees_the_booking else [])
