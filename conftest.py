"""Fixtures shared by every domain's tests."""

import pytest
from rest_framework.test import APIClient

from users.tests.factories import AdminFactory, StudentFactory, VendorFactory


@pytest.fixture(autouse=True)
def _isolated_media_and_cache(settings, tmp_path):
    """Each test writes uploads to its own folder and starts with an empty cache.

    Passwords use a fast hasher: the tests exercise the rules, not PBKDF2's cost.
    """
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _database_circuit_closed():
    """A test that simulates an outage opens the process's database circuit
    (common/circuit.py); the next test starts with it closed."""
    from common.circuit import database_circuit

    database_circuit().succeeded()
    yield
    database_circuit().succeeded()


@pytest.fixture
def api():
    """An anonymous API client."""
    return APIClient()


def client_for(user) -> APIClient:
    """An API client carrying a real access token for ``user``."""
    from rest_framework_simplejwt.tokens import RefreshToken

    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {RefreshToken.for_user(user).access_token}")
    return client


@pytest.fixture
def student(db):
    return StudentFactory()


@pytest.fixture
def vendor(db):
    return VendorFactory()


@pytest.fixture
def admin_user(db):
    return AdminFactory()


@pytest.fixture
def student_client(student):
    return client_for(student)


@pytest.fixture
def vendor_client(vendor):
    return client_for(vendor)


@pytest.fixture
def admin_client(admin_user):
    return client_for(admin_user)


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` prove row locks and racing transactions, which
    SQLite cannot show; they run in the PostgreSQL pass of CI."""
    from django.conf import settings

    if "postgresql" in settings.DATABASES["default"]["ENGINE"]:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (set DATABASE_URL=postgres://...)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


def pytest_configure(config):
    """In-process race tests send up to 20 requests at once, each holding a
    connection (and the test its own). The production pool (DB_POOL_MAX_SIZE,
    4 by default) would make them queue behind each other, or time out while
    the others wait at their barrier, which is not the race they prove. Pool
    bounds are proven on real app servers, with the production setting
    (tests/faults/test_connection_pool.py)."""
    from django.conf import settings

    pool = settings.DATABASES["default"].get("OPTIONS", {}).get("pool")
    if isinstance(pool, dict):
        pool["max_size"] = max(pool["max_size"], 32)
