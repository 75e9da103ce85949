"""The published schema is usable by a common client generator: a Python client
made by openapi-python-client from docs/openapi.yaml drives a student's whole
path against a live server (register, log in, order, booking, review), and the
vendor's part in it (opening hours, the order's status up to completed).

The generator must take the schema as it is: a warning, or a module that does
not import, fails here, to be fixed where the schema is made (serializers,
extend_schema), never by editing the schema or the generated code.
"""

import functools
import importlib
import pkgutil
import subprocess
import sys
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from django.utils import timezone

from bookings.tests.factories import BookingServiceFactory
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory
from users.models import User

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "docs" / "openapi.yaml"
PACKAGE = "campus_generated_client"
PASSWORD = "a-long-enough-pass-42"

# The generator reads only JSON, text and application/octet-stream bodies; a
# verification document is answered in its own type (JPEG, PNG or PDF), which
# is still binary to a client. No post hooks: ruff need not be on PATH.
GENERATOR_CONFIG = """\
post_hooks: []
content_type_overrides:
  image/jpeg: application/octet-stream
  image/png: application/octet-stream
  application/pdf: application/octet-stream
"""


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """The generated package, imported; generating takes about two seconds."""
    pytest.importorskip("openapi_python_client", reason="openapi-python-client is not installed")
    where = tmp_path_factory.mktemp("client")
    config = where / "config.yaml"
    config.write_text(GENERATOR_CONFIG)
    result = subprocess.run(
        [
            *(sys.executable, "-m", "openapi_python_client", "generate"),
            *("--path", str(SCHEMA), "--output-path", str(where / PACKAGE)),
            *("--meta", "none", "--config", str(config)),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "WARNING" not in report.upper(), report
    sys.path.insert(0, str(where))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(where))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


@functools.cache
def _schema() -> dict:
    return yaml.safe_load(SCHEMA.read_text())


def _operations():
    for path in _schema()["paths"].values():
        yield from path.values()


def _component(ref: str) -> dict:
    return _schema()["components"]["schemas"][ref.rsplit("/", 1)[-1]]


def _carries_a_file(schema: dict) -> bool:
    return any(
        prop.get("format") == "binary" or prop.get("items", {}).get("format") == "binary"
        for prop in schema.get("properties", {}).values()
    )


def _offering_several_bodies() -> set[str]:
    return {
        operation["operationId"]
        for operation in _operations()
        if len(operation.get("requestBody", {}).get("content", {})) > 1
    }


def test_only_operations_that_take_a_file_offer_multipart():
    """A JSON body a client generator may not send as multipart (order lines are
    a list of objects); multipart stays where a file is uploaded."""
    for operation in _operations():
        content = operation.get("requestBody", {}).get("content", {})
        assert "application/x-www-form-urlencoded" not in content, operation["operationId"]
        if "multipart/form-data" in content:
            schema = _component(content["multipart/form-data"]["schema"]["$ref"])
            assert _carries_a_file(schema), operation["operationId"]


@pytest.mark.slow
def test_every_generated_operation_imports(generated):
    """Except those whose body may be JSON or multipart (a service, an item, a
    vendor profile with its image): for those the generator annotates ``body``
    with a name it does not import (openapi-python-client issue 1451, open)."""
    refused = {}
    api = importlib.import_module(f"{PACKAGE}.api")
    for module in pkgutil.walk_packages(api.__path__, f"{PACKAGE}.api."):
        try:
            importlib.import_module(module.name)
        except NameError as error:
            refused[module.name.rsplit(".", 1)[-1]] = str(error)

    assert set(refused) <= _offering_several_bodies(), refused


def _module(package, name):
    return importlib.import_module(f"{package.__name__}.{name}")


class Api:
    """The generated modules under short names."""

    def __init__(self, package):
        for name in (
            "client",
            "models",
            "api.accounts.users_register_create",
            "api.accounts.users_login_create",
            "api.services.services_retrieve",
            "api.opening_hours.services_hours_update",
            "api.opening_hours.services_slots_list",
            "api.orders.orders_create",
            "api.orders.orders_retrieve",
            "api.orders.orders_update_status_create",
            "api.bookings.bookings_create",
            "api.reviews.reviews_create",
        ):
            setattr(self, name.rsplit(".", 1)[-1], _module(package, name))


def sign_up(api, anonymous, base_url, user_type, email):
    """Register and log in through the generated client; its authenticated client."""
    models = api.models
    registered = api.users_register_create.sync_detailed(
        client=anonymous,
        body=models.RegisterRequest(
            email=email,
            password=PASSWORD,
            user_type=models.RegisterUserTypeEnum(user_type),
            first_name="Ama",
            last_name="Mensah",
        ),
    )
    assert registered.status_code == 201, registered.content
    assert registered.parsed.email == email
    assert registered.parsed.user_type.value == user_type

    login = api.users_login_create.sync_detailed(
        client=anonymous, body=models.LoginRequest(email=email, password=PASSWORD)
    )
    assert login.status_code == 200, login.content
    assert login.parsed.user.id == registered.parsed.id
    return api.client.AuthenticatedClient(
        base_url=base_url, token=login.parsed.access, timeout=30.0
    )


@pytest.mark.slow
def test_a_generated_client_drives_a_students_whole_path(generated, live_server):
    api = Api(generated)
    models = api.models
    anonymous = api.client.Client(base_url=live_server.url, timeout=30.0)

    vendor = sign_up(api, anonymous, live_server.url, "vendor", "stall@campus.example")
    student = sign_up(api, anonymous, live_server.url, "student", "ama@campus.example")

    # The vendor's services come from factories: creating them takes JSON or
    # multipart, which the generator cannot express yet (see below).
    owner = User.objects.get(email="stall@campus.example")
    shop = ServiceFactory(vendor=owner, service_name="Jollof Corner")
    jollof = ServiceItemFactory(service=shop, name="Jollof rice", price=Decimal("12.50"))
    barber = BookingServiceFactory(vendor=owner, service_name="Fade Barbers")
    hours = api.services_hours_update.sync_detailed(
        barber.id,
        client=vendor,
        body=models.HoursInputRequest(
            weekly=[
                models.WeeklyPeriodRequest(weekday=day, opens="08:00", closes="18:00")
                for day in range(7)
            ]
        ),
    )
    assert hours.status_code == 200, hours.content
    assert [period.weekday for period in hours.parsed.weekly] == list(range(7))

    # The student orders; the vendor takes the order through to collected.
    placed = api.orders_create.sync_detailed(
        client=student,
        body=models.OrderCreateRequest(
            service=shop.id,
            items=[models.OrderLineInputRequest(service_item=jollof.id, quantity=2)],
            special_instructions="No pepper",
        ),
        idempotency_key="first-lunch",
    )
    assert placed.status_code == 201, placed.content
    order = placed.parsed
    assert order.order_status.value == "pending"
    assert Decimal(order.total_amount) == Decimal("25.00")
    assert [(line.item_name, line.quantity) for line in order.items] == [("Jollof rice", 2)]
    assert order.payment.status.value == "due_at_pickup"

    for status in ("confirmed", "preparing", "ready", "completed"):
        moved = api.orders_update_status_create.sync_detailed(
            str(order.id),
            client=vendor,
            body=models.OrderStatusInputRequest(order_status=models.OrderStatusEnum(status)),
        )
        assert moved.status_code == 200, moved.content
        assert moved.parsed.order_status.value == status

    seen = api.orders_retrieve.sync_detailed(str(order.id), client=student)
    assert seen.status_code == 200, seen.content
    assert seen.parsed.order_status.value == "completed"
    assert seen.parsed.payment.status.value == "collected"
    assert [step.to_status.value for step in seen.parsed.status_history] == [
        "pending",
        "confirmed",
        "preparing",
        "ready",
        "completed",
    ]
    assert seen.parsed.allowed_transitions == []

    # The student books tomorrow's first free slot at the barber's.
    tomorrow = timezone.localdate() + timedelta(days=1)
    slots = api.services_slots_list.sync_detailed(barber.id, client=student, date=tomorrow)
    assert slots.status_code == 200, slots.content
    free = [slot for slot in slots.parsed if slot.remaining]
    assert free, slots.content
    booked = api.bookings_create.sync_detailed(
        client=student,
        body=models.BookingCreateRequest(service=barber.id, start=free[0].start, notes="Skin fade"),
    )
    assert booked.status_code == 201, booked.content
    assert booked.parsed.booking_status.value == "confirmed"
    assert booked.parsed.start == free[0].start
    assert booked.parsed.end == free[0].end
    assert booked.parsed.service_name == "Fade Barbers"

    # The review counts as a verified purchase and sets the service's rating.
    reviewed = api.reviews_create.sync_detailed(
        client=student,
        body=models.ReviewCreateRequest(service=shop.id, rating=5, comment="Great jollof"),
    )
    assert reviewed.status_code == 201, reviewed.content
    assert reviewed.parsed.rating == 5
    assert reviewed.parsed.verified_purchase is True

    detail = api.services_retrieve.sync_detailed(shop.id, client=anonymous)
    assert detail.status_code == 200, detail.content
    assert detail.parsed.total_ratings == 1
    assert Decimal(detail.parsed.rating) == Decimal("5.00")
