"""Contract fuzzing: schemathesis generates requests from the project's own
OpenAPI schema and sends them, in process, to the WSGI app as each role.

Every response must be a non-5xx, with a documented content type, and a body
that matches the schema documented for its status code. Most cases aim their
path ids at real objects of the ``world`` fixture, so detail, update and
delete responses are checked too, not only 404s.
"""

import re
import zlib

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from tests.world import World

# The event stream never ends by design (a client hangs up); its behaviour is
# proven in notifications/tests/ and tests/test_live_two_servers.py.
schema = schemathesis.openapi.from_wsgi("/api/schema/", application).exclude(path="/api/events/")

# Every answer must be one the schema documents (common/schema.py adds the
# shared 400/401/404 answers), with the documented body and content type.
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    response_schema_conformance,
    content_type_conformance,
]

# The collection before a path parameter says which world object it names.
OBJECT_OF_COLLECTION = {
    "services": "service",
    "items": "item",
    "orders": "order",
    "bookings": "booking",
    "reviews": "review",
    "vendor-profiles": "profile",
}
PARAMETER_AFTER_COLLECTION = re.compile(r"([a-z-]+)/\{(\w+)\}")


def real_path_parameters(path: str, world: World) -> dict[str, int]:
    return {
        name: getattr(world, OBJECT_OF_COLLECTION[collection]).pk
        for collection, name in PARAMETER_AFTER_COLLECTION.findall(path)
        if collection in OBJECT_OF_COLLECTION
    }


@pytest.fixture
def connection_kept_across_requests():
    """Django closes a connection that is inside a transaction when a request
    ends; in a test that is the test's own transaction. Its test client turns
    this off for the same reason, but schemathesis calls the WSGI app directly."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def aims_at_real_objects(case) -> bool:
    """Three cases in four; decided from the generated data, so a derandomized
    run is repeatable (``hash()`` of a str is salted per process)."""
    return zlib.crc32(repr(case.path_parameters).encode()) % 4 != 0


@pytest.mark.fuzz
@pytest.mark.django_db
@pytest.mark.usefixtures("connection_kept_across_requests")
@pytest.mark.parametrize("role", ["anon", "student", "vendor", "admin"])
@schema.parametrize()
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_responses_conform_to_the_schema(case, role, world):
    if case.path_parameters and aims_at_real_objects(case):
        case.path_parameters = {
            **case.path_parameters,
            **real_path_parameters(case.operation.path, world),
        }
    case.call_and_validate(headers=world.headers(role), checks=CHECKS)
