"""Bad input to the catalogue's write endpoints is a 400 with field errors,
never a 500."""

import json

import pytest

from catalogue.models import Service
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory

pytestmark = pytest.mark.django_db

VALID = {
    "service_name": "Campus Pizza",
    "description": "Slices.",
    "category": "food",
    "service_type": "ordering",
}

JUNK = [None, [], {}, True, 12, -1, "", "x" * 6000, "a\x00b", ["food"], {"a": 1}, "NaN"]


@pytest.mark.parametrize(
    "body, field",
    [
        ({**VALID, "base_price": "-1.00"}, "base_price"),
        ({**VALID, "base_price": "NaN"}, "base_price"),
        ({**VALID, "base_price": "Infinity"}, "base_price"),
        ({**VALID, "base_price": "1" * 40}, "base_price"),
        ({**VALID, "base_price": "1.234"}, "base_price"),
        ({**VALID, "category": "pets"}, "category"),
        ({**VALID, "service_type": "teleport"}, "service_type"),
        ({**VALID, "availability_status": "asleep"}, "availability_status"),
        ({**VALID, "service_name": "n" * 201}, "service_name"),
        ({**VALID, "location": "l" * 501}, "location"),
        ({**VALID, "description": "d" * 5001}, "description"),
        ({**VALID, "service_name": "nul\x00byte"}, "service_name"),
        ({**VALID, "is_available": "sometimes"}, "is_available"),
        ({key: value for key, value in VALID.items() if key != "category"}, "category"),
    ],
)
def test_invalid_service_fields_are_400_with_field_errors(vendor_client, body, field):
    response = vendor_client.post("/api/services/", body)

    assert response.status_code == 400
    assert field in response.json()
    assert not Service.objects.exists()


def test_a_huge_json_number_is_400(vendor_client):
    body = json.dumps(VALID)[:-1] + ', "base_price": 1e400}'

    response = vendor_client.post("/api/services/", body, content_type="application/json")

    assert response.status_code == 400
    assert "base_price" in response.json()


def test_unknown_fields_are_ignored(vendor_client):
    response = vendor_client.post("/api/services/", {**VALID, "colour": "blue", "is_active": False})

    assert response.status_code == 201
    assert Service.objects.get().is_active is True


@pytest.mark.parametrize("junk", JUNK, ids=repr)
@pytest.mark.parametrize(
    "field",
    [
        "service_name",
        "description",
        "category",
        "service_type",
        "base_price",
        "has_flexible_pricing",
        "is_available",
        "availability_status",
        "contact_info",
        "location",
        "images",
    ],
)
def test_wrong_types_in_service_fields_never_crash(vendor, vendor_client, field, junk):
    service = ServiceFactory(vendor=vendor)

    created = vendor_client.post("/api/services/", {**VALID, field: junk})
    updated = vendor_client.patch(f"/api/services/{service.pk}/", {field: junk})

    assert created.status_code in {201, 400}
    assert updated.status_code in {200, 400}


@pytest.mark.parametrize("junk", JUNK, ids=repr)
@pytest.mark.parametrize("field", ["name", "description", "price", "image", "is_available"])
def test_wrong_types_in_item_fields_never_crash(vendor, vendor_client, field, junk):
    service = ServiceFactory(vendor=vendor)
    item = ServiceItemFactory(service=service)
    url = f"/api/services/{service.pk}/items/"

    created = vendor_client.post(url, {"name": "Tea", "price": "1.00", field: junk})
    updated = vendor_client.patch(f"{url}{item.pk}/", {field: junk})

    assert created.status_code in {201, 400}
    assert updated.status_code in {200, 400}


@pytest.mark.parametrize("junk", JUNK, ids=repr)
@pytest.mark.parametrize(
    "field", ["business_name", "business_hours", "phone", "email", "website", "logo"]
)
def test_wrong_types_in_profile_fields_never_crash(vendor, vendor_client, field, junk):
    profile = VendorProfileFactory(user=vendor)

    response = vendor_client.patch(f"/api/vendor-profiles/{profile.pk}/", {field: junk})

    assert response.status_code in {200, 400}


@pytest.mark.parametrize("junk", JUNK, ids=repr)
def test_wrong_types_in_availability_never_crash(vendor, vendor_client, junk):
    service = ServiceFactory(vendor=vendor)
    url = f"/api/services/{service.pk}/update_availability/"

    for field in ("is_available", "availability_status"):
        assert vendor_client.post(url, {field: junk}).status_code in {200, 400}


def test_a_body_that_is_not_an_object_is_400(vendor, vendor_client):
    service = ServiceFactory(vendor=vendor)

    for url in ("/api/services/", f"/api/services/{service.pk}/items/", "/api/vendor-profiles/"):
        response = vendor_client.post(url, "[1, 2]", content_type="application/json")
        assert response.status_code == 400
