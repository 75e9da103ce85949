"""Items of a service: anyone reads, the owning vendor writes; names are
unique among a service's active items; ordered items are deactivated."""

import pytest

from catalogue.models import ServiceItem
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from conftest import client_for
from orders.tests.factories import OrderItemFactory
from users.tests.factories import VendorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def service(vendor):
    return ServiceFactory(vendor=vendor)


def items_url(service) -> str:
    return f"/api/services/{service.pk}/items/"


def test_anyone_lists_a_services_active_items(api, service):
    tea = ServiceItemFactory(service=service, name="Tea", is_available=False)
    ServiceItemFactory(service=service, name="Gone", is_active=False)
    ServiceItemFactory(name="Elsewhere")

    response = api.get(items_url(service))

    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    row = body["results"][0]
    assert (row["id"], row["service"], row["name"], row["is_available"]) == (
        tea.pk,
        service.pk,
        "Tea",
        False,
    )


def test_anyone_reads_one_item(api, service):
    item = ServiceItemFactory(service=service)

    response = api.get(f"{items_url(service)}{item.pk}/")

    assert response.status_code == 200
    assert response.json()["price"] == "3.50"


def test_an_item_is_only_found_under_its_own_service(api, service):
    item = ServiceItemFactory()

    assert api.get(f"{items_url(service)}{item.pk}/").status_code == 404


def test_items_of_a_hidden_service_are_404_for_the_public(api):
    hidden = ServiceFactory(vendor=VendorProfileFactory(is_active=False).user)
    ServiceItemFactory(service=hidden)

    assert api.get(items_url(hidden)).status_code == 404


def test_owner_adds_an_item(vendor_client, service):
    response = vendor_client.post(
        items_url(service), {"name": "Latte", "price": "2.80", "service": 12345}
    )

    assert response.status_code == 201, response.json()
    item = ServiceItem.objects.get(pk=response.json()["id"])
    assert (item.service, item.name, str(item.price)) == (service, "Latte", "2.80")


@pytest.mark.parametrize("client_fixture, status", [("student_client", 403), ("api", 401)])
def test_others_cannot_add_items(request, service, client_fixture, status):
    client = request.getfixturevalue(client_fixture)

    assert client.post(items_url(service), {"name": "x", "price": "1.00"}).status_code == status
    other_vendor = client_for(VendorFactory())
    assert other_vendor.post(items_url(service), {"name": "x", "price": "1"}).status_code == 403
    assert not ServiceItem.objects.exists()


def test_adding_an_item_to_a_missing_service_is_404(vendor_client):
    assert (
        vendor_client.post("/api/services/999999/items/", {"name": "x", "price": "1"}).status_code
        == 404
    )


def test_item_names_are_unique_within_a_service(vendor_client, service):
    ServiceItemFactory(service=service, name="Tea")
    ServiceItemFactory(name="Coffee")

    duplicate = vendor_client.post(items_url(service), {"name": "Tea", "price": "1.00"})
    elsewhere = vendor_client.post(items_url(service), {"name": "Coffee", "price": "1.00"})

    assert duplicate.status_code == 400
    assert duplicate.json() == {"name": ["This service already has an item with this name."]}
    assert elsewhere.status_code == 201


def test_renaming_onto_another_items_name_is_refused(vendor_client, service):
    ServiceItemFactory(service=service, name="Tea")
    coffee = ServiceItemFactory(service=service, name="Coffee")

    response = vendor_client.patch(f"{items_url(service)}{coffee.pk}/", {"name": "Tea"})
    keeping = vendor_client.patch(f"{items_url(service)}{coffee.pk}/", {"name": "Coffee"})

    assert response.status_code == 400
    assert "name" in response.json()
    assert keeping.status_code == 200


@pytest.mark.parametrize(
    "body, field",
    [
        ({"name": "Tea", "price": "-0.01"}, "price"),
        ({"name": "Tea", "price": "NaN"}, "price"),
        ({"name": "Tea", "price": "1" * 40}, "price"),
        ({"name": "Tea"}, "price"),
        ({"price": "1.00"}, "name"),
        ({"name": "T" * 201, "price": "1.00"}, "name"),
        ({"name": "Te\x00a", "price": "1.00"}, "name"),
        ({"name": "Tea", "price": "1.00", "is_available": "perhaps"}, "is_available"),
    ],
)
def test_invalid_items_are_400_with_field_errors(vendor_client, service, body, field):
    response = vendor_client.post(items_url(service), body)

    assert response.status_code == 400
    assert field in response.json()


def test_owner_updates_an_item(vendor_client, service):
    item = ServiceItemFactory(service=service)

    response = vendor_client.patch(f"{items_url(service)}{item.pk}/", {"price": "4.25"})

    assert response.status_code == 200
    item.refresh_from_db()
    assert str(item.price) == "4.25"


def test_others_cannot_change_or_delete_an_item(service, student_client, admin_client):
    item = ServiceItemFactory(service=service)
    url = f"{items_url(service)}{item.pk}/"

    for client in (client_for(VendorFactory()), student_client, admin_client):
        assert client.patch(url, {"price": "0.00"}).status_code == 403
        assert client.delete(url).status_code == 403
    assert ServiceItem.objects.get(pk=item.pk).price == item.price


def test_deleting_an_item_never_ordered_destroys_it(vendor_client, service):
    item = ServiceItemFactory(service=service)

    assert vendor_client.delete(f"{items_url(service)}{item.pk}/").status_code == 204
    assert not ServiceItem.objects.filter(pk=item.pk).exists()


def test_deleting_an_ordered_item_deactivates_it_and_frees_its_name(vendor, vendor_client):
    line = OrderItemFactory(order__service__vendor=vendor, service_item__name="Tea")
    item, service = line.service_item, line.order.service

    assert vendor_client.delete(f"{items_url(service)}{item.pk}/").status_code == 204

    item.refresh_from_db()
    assert (item.is_active, item.is_available) == (False, False)
    assert line.service_item_id == item.pk
    assert vendor_client.get(items_url(service)).json()["count"] == 0
    assert vendor_client.post(items_url(service), {"name": "Tea", "price": "1"}).status_code == 201
