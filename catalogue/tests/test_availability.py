"""POST /api/services/{id}/update_availability/: the owner switches a
service on and off; the two fields follow each other unless both are sent."""

import pytest

from catalogue.tests.factories import ServiceFactory
from conftest import client_for
from users.tests.factories import VendorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(vendor):
    return ServiceFactory(vendor=vendor)


def availability(client, service, body):
    return client.post(f"/api/services/{service.pk}/update_availability/", body)


@pytest.mark.parametrize(
    "body, expected",
    [
        ({"is_available": False}, (False, "unavailable")),
        ({"availability_status": "busy"}, (True, "busy")),
        ({"availability_status": "closed"}, (False, "closed")),
        ({"availability_status": "available"}, (True, "available")),
        ({"is_available": True, "availability_status": "busy"}, (True, "busy")),
    ],
)
def test_owner_updates_availability(vendor_client, service, body, expected):
    if body.get("is_available") is not False:
        service.is_available = False
        service.availability_status = "closed"
        service.save()

    response = availability(vendor_client, service, body)

    assert response.status_code == 200
    assert (response.json()["is_available"], response.json()["availability_status"]) == expected
    service.refresh_from_db()
    assert (service.is_available, service.availability_status) == expected


@pytest.mark.parametrize(
    "body", [{}, {"availability_status": "asleep"}, {"is_available": "sometimes"}]
)
def test_invalid_availability_is_400(vendor_client, service, body):
    assert availability(vendor_client, service, body).status_code == 400


def test_only_the_owner_updates_availability(service, api, student_client, admin_client):
    assert availability(api, service, {"is_available": False}).status_code == 401
    for client in (client_for(VendorFactory()), student_client, admin_client):
        assert availability(client, service, {"is_available": False}).status_code == 403
    service.refresh_from_db()
    assert service.is_available is True
