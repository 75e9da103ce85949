"""Anonymous and students' catalogue reads are cached; every write is visible
in the next read."""

import pytest

from catalogue.models import Service, ServiceItem
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory

pytestmark = pytest.mark.django_db


def test_anonymous_list_is_served_from_the_cache(api, django_assert_num_queries):
    ServiceFactory(service_name="Cached")
    api.get("/api/services/")

    with django_assert_num_queries(0):
        response = api.get("/api/services/")

    assert response.json()["results"][0]["service_name"] == "Cached"


@pytest.mark.parametrize("who", ["vendor", "admin"])
def test_vendors_and_admins_reads_are_not_cached(who, vendor, vendor_client, admin_client):
    """They see more than the public (own hidden services, deleted ones)."""
    client = vendor_client if who == "vendor" else admin_client
    ServiceFactory(vendor=vendor)
    client.get("/api/services/")
    Service.objects.update(service_name="Changed behind the API")

    assert client.get("/api/services/").json()["results"][0]["service_name"] == (
        "Changed behind the API"
    )


def test_students_share_the_public_entries(api, student_client, vendor, django_assert_num_queries):
    """A student sees exactly the public catalogue: an anonymous read fills the
    entry a student's read is answered from, and the other way round."""
    service = ServiceFactory(service_name="Shared", vendor=vendor)
    ServiceItemFactory(service=service)
    for url in ("/api/services/?category=food", f"/api/services/{service.pk}/"):
        first = api.get(url)
        with django_assert_num_queries(1):  # the student's own row (authentication)
            response = student_client.get(url)
        assert response.json() == first.json()
    items = f"/api/services/{service.pk}/items/"
    first = student_client.get(items)
    ServiceItem.objects.update(name="Changed behind the API")
    assert api.get(items).json() == first.json()
    assert first.json()["results"][0]["name"] != "Changed behind the API"


@pytest.mark.parametrize("reader", ["anonymous", "student"])
def test_a_service_update_is_visible_in_the_next_read(
    reader, api, student_client, vendor, vendor_client, django_capture_on_commit_callbacks
):
    client = api if reader == "anonymous" else student_client
    service = ServiceFactory(vendor=vendor, service_name="Before")
    detail = f"/api/services/{service.pk}/"
    assert client.get("/api/services/").json()["results"][0]["service_name"] == "Before"
    assert client.get(detail).json()["service_name"] == "Before"

    with django_capture_on_commit_callbacks(execute=True):
        vendor_client.patch(detail, {"service_name": "After"})

    assert client.get("/api/services/").json()["results"][0]["service_name"] == "After"
    assert client.get(detail).json()["service_name"] == "After"


def test_new_items_and_availability_changes_are_visible_at_once(
    api, vendor, vendor_client, django_capture_on_commit_callbacks
):
    service = ServiceFactory(vendor=vendor)
    items = f"/api/services/{service.pk}/items/"
    assert api.get(items).json()["count"] == 0
    assert api.get(f"/api/services/{service.pk}/").json()["is_available"] is True

    with django_capture_on_commit_callbacks(execute=True):
        vendor_client.post(items, {"name": "Tea", "price": "1.00"})
        vendor_client.post(
            f"/api/services/{service.pk}/update_availability/", {"is_available": False}
        )

    assert api.get(items).json()["count"] == 1
    assert api.get(f"/api/services/{service.pk}/").json()["is_available"] is False


def test_deleted_items_and_services_disappear_from_cached_reads(
    api, vendor, vendor_client, django_capture_on_commit_callbacks
):
    service = ServiceFactory(vendor=vendor)
    item = ServiceItemFactory(service=service)
    assert api.get(f"/api/services/{service.pk}/items/").json()["count"] == 1
    assert api.get("/api/services/").json()["count"] == 1

    with django_capture_on_commit_callbacks(execute=True):
        vendor_client.delete(f"/api/services/{service.pk}/items/{item.pk}/")
        vendor_client.delete(f"/api/services/{service.pk}/")

    assert api.get("/api/services/").json()["count"] == 0
    assert api.get(f"/api/services/{service.pk}/items/").status_code == 404


def test_a_profile_change_is_visible_in_the_next_anonymous_read(
    api, vendor, vendor_client, django_capture_on_commit_callbacks
):
    profile = VendorProfileFactory(user=vendor, business_name="Old")
    ServiceFactory(vendor=vendor)
    assert api.get("/api/vendor-profiles/").json()["results"][0]["business_name"] == "Old"
    assert api.get("/api/services/").json()["results"][0]["vendor_name"] == "Old"

    with django_capture_on_commit_callbacks(execute=True):
        vendor_client.patch(f"/api/vendor-profiles/{profile.pk}/", {"business_name": "New"})

    assert api.get("/api/vendor-profiles/").json()["results"][0]["business_name"] == "New"
    assert api.get(f"/api/vendor-profiles/{profile.pk}/").json()["business_name"] == "New"
    assert api.get("/api/services/").json()["results"][0]["vendor_name"] == "New"
