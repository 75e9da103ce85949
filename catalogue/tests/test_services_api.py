"""Services through the API: who may create, see, change and delete them."""

from decimal import Decimal

import pytest

from catalogue.models import Service
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from conftest import client_for
from orders.tests.factories import OrderFactory, OrderItemFactory
from users.tests.factories import AdminFactory, VendorFactory

pytestmark = pytest.mark.django_db

BODY = {
    "service_name": "Campus Pizza",
    "description": "Wood-fired pizza by the slice.",
    "category": "food",
    "service_type": "ordering",
    "base_price": "4.50",
    "location": "Student Union",
}


def ids(response) -> set[int]:
    return {row["id"] for row in response.json()["results"]}


def test_vendor_creates_a_service_owned_by_them_whatever_the_body_says(vendor, vendor_client):
    other = VendorFactory()

    response = vendor_client.post(
        "/api/services/", {**BODY, "vendor": other.pk, "rating": "5.00", "total_ratings": 99}
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    service = Service.objects.get(pk=body["id"])
    assert service.vendor == vendor
    assert body["vendor"] == vendor.pk
    assert body["rating"] is None
    assert body["total_ratings"] == 0
    assert body["base_price"] == "4.50"
    assert body["items"] == []
    assert (body["supports_ordering"], body["supports_booking"]) == (True, False)
    assert (body["supports_walk_in"], body["requires_contact"]) == (False, False)


def test_service_in_multipart_with_string_booleans(vendor_client):
    response = vendor_client.post(
        "/api/services/",
        {**BODY, "has_flexible_pricing": "true", "is_available": "false"},
        format="multipart",
    )

    assert response.status_code == 201
    assert response.json()["has_flexible_pricing"] is True
    assert response.json()["is_available"] is False


def test_multipart_form_leaving_out_booleans_gets_their_defaults(vendor_client):
    response = vendor_client.post("/api/services/", BODY, format="multipart")

    assert response.status_code == 201
    assert response.json()["is_available"] is True
    assert response.json()["has_flexible_pricing"] is False
    item = vendor_client.post(
        f"/api/services/{response.json()['id']}/items/",
        {"name": "Fries", "price": "2.75"},
        format="multipart",
    )
    assert item.status_code == 201
    assert item.json()["is_available"] is True


def test_multipart_patch_leaving_out_a_boolean_keeps_it(vendor_client):
    created = vendor_client.post("/api/services/", {**BODY, "is_available": False}).json()

    response = vendor_client.patch(
        f"/api/services/{created['id']}/", {"location": "Quad"}, format="multipart"
    )

    assert response.status_code == 200
    assert response.json()["is_available"] is False


@pytest.mark.parametrize(
    "client_fixture, status", [("student_client", 403), ("admin_client", 403), ("api", 401)]
)
def test_only_vendors_create_services(request, client_fixture, status):
    client = request.getfixturevalue(client_fixture)

    assert client.post("/api/services/", BODY).status_code == status
    assert not Service.objects.exists()


@pytest.mark.parametrize(
    "service_type, flag",
    [
        ("booking", "supports_booking"),
        ("ordering", "supports_ordering"),
        ("walk_in", "supports_walk_in"),
        ("contact", "requires_contact"),
    ],
)
def test_supports_flags_follow_the_service_type(api, service_type, flag):
    service = ServiceFactory(service_type=service_type)

    body = api.get(f"/api/services/{service.pk}/").json()

    flags = ["supports_booking", "supports_ordering", "supports_walk_in", "requires_contact"]
    assert {name: body[name] for name in flags} == {name: name == flag for name in flags}


def test_detail_shows_active_items_and_the_business_name(api):
    profile = VendorProfileFactory(business_name="Slice of Life")
    service = ServiceFactory(vendor=profile.user)
    item = ServiceItemFactory(service=service, name="Margherita", price=Decimal("6.00"))
    ServiceItemFactory(service=service, name="Gone", is_active=False)

    body = api.get(f"/api/services/{service.pk}/").json()

    assert body["vendor_name"] == "Slice of Life"
    assert [(i["id"], i["name"], i["price"]) for i in body["items"]] == [
        (item.pk, "Margherita", "6.00")
    ]


def test_vendor_name_falls_back_to_the_vendors_name_then_a_label_never_the_email(api):
    named = ServiceFactory(vendor=VendorFactory(first_name="Ada", last_name="Lovelace"))
    unnamed = ServiceFactory(vendor=VendorFactory(first_name="", last_name=""))

    assert api.get(f"/api/services/{named.pk}/").json()["vendor_name"] == "Ada Lovelace"
    assert api.get(f"/api/services/{unnamed.pk}/").json()["vendor_name"] == (
        f"Vendor {unnamed.vendor.pk}"
    )


def test_anonymous_and_students_see_services_of_active_vendors_only(api, student_client):
    visible = ServiceFactory()
    with_profile = ServiceFactory(vendor=VendorProfileFactory().user)
    ServiceFactory(vendor=VendorFactory(is_active=False))
    ServiceFactory(vendor=VendorProfileFactory(is_active=False).user)
    ServiceFactory(is_active=False)

    for client in (api, student_client):
        response = client.get("/api/services/")
        assert response.status_code == 200
        assert ids(response) == {visible.pk, with_profile.pk}


def test_admins_see_the_public_list(admin_client):
    visible = ServiceFactory()
    ServiceFactory(vendor=VendorProfileFactory(is_active=False).user)

    assert ids(admin_client.get("/api/services/")) == {visible.pk}


def test_a_vendor_lists_their_own_services_even_when_hidden_but_not_deleted(vendor, vendor_client):
    VendorProfileFactory(user=vendor, is_active=False)
    own = ServiceFactory(vendor=vendor)
    ServiceFactory(vendor=vendor, is_active=False)
    ServiceFactory()

    assert ids(vendor_client.get("/api/services/")) == {own.pk}


def test_hidden_service_detail_is_404_except_for_owner_and_admin(vendor, vendor_client):
    VendorProfileFactory(user=vendor, is_active=False)
    hidden = ServiceFactory(vendor=vendor)
    url = f"/api/services/{hidden.pk}/"

    assert client_for(VendorFactory()).get(url).status_code == 404
    assert vendor_client.get(url).status_code == 200
    assert client_for(AdminFactory()).get(url).status_code == 200


def test_list_is_paginated_newest_first(api):
    older, newer = ServiceFactory(), ServiceFactory()

    body = api.get("/api/services/?page_size=1").json()

    assert body["count"] == 2
    assert [row["id"] for row in body["results"]] == [newer.pk]
    assert body["next"].endswith("page=2&page_size=1")
    assert older.pk in ids(api.get("/api/services/?page=2&page_size=1"))


def test_owner_updates_their_service(vendor, vendor_client):
    service = ServiceFactory(vendor=vendor)

    response = vendor_client.patch(
        f"/api/services/{service.pk}/",
        {"service_name": "Renamed", "vendor": VendorFactory().pk, "rating": "1.00"},
    )

    assert response.status_code == 200
    service.refresh_from_db()
    assert (service.service_name, service.vendor, service.rating) == ("Renamed", vendor, None)


def test_put_replaces_the_service(vendor, vendor_client):
    service = ServiceFactory(vendor=vendor)

    response = vendor_client.put(f"/api/services/{service.pk}/", {**BODY, "category": "gym"})

    assert response.status_code == 200
    assert response.json()["category"] == "gym"


@pytest.mark.parametrize("method", ["patch", "put", "delete"])
def test_others_cannot_change_a_service(method, student_client, admin_client):
    service = ServiceFactory()
    url = f"/api/services/{service.pk}/"

    for client in (client_for(VendorFactory()), student_client, admin_client):
        assert getattr(client, method)(url, BODY).status_code == 403
    assert Service.objects.get(pk=service.pk).service_name == service.service_name


def test_anonymous_writes_need_a_token(api):
    service = ServiceFactory()

    assert api.patch(f"/api/services/{service.pk}/", {"service_name": "x"}).status_code == 401
    assert api.delete(f"/api/services/{service.pk}/").status_code == 401


def test_deleting_a_service_without_orders_destroys_it(vendor, vendor_client):
    service = ServiceFactory(vendor=vendor)
    ServiceItemFactory(service=service)

    assert vendor_client.delete(f"/api/services/{service.pk}/").status_code == 204
    assert not Service.objects.filter(pk=service.pk).exists()


def test_deleting_a_service_with_orders_deactivates_it(vendor, vendor_client, api):
    service = ServiceFactory(vendor=vendor)
    order = OrderFactory(service=service)

    assert vendor_client.delete(f"/api/services/{service.pk}/").status_code == 204

    service.refresh_from_db()
    assert (service.is_active, service.is_available) == (False, False)
    assert order.service_id == service.pk
    assert api.get(f"/api/services/{service.pk}/").status_code == 404
    assert vendor_client.get(f"/api/services/{service.pk}/").status_code == 404
    assert ids(vendor_client.get("/api/services/")) == set()
    assert vendor_client.delete(f"/api/services/{service.pk}/").status_code == 404


def test_deleting_a_service_whose_items_were_ordered_deactivates_it(vendor, vendor_client):
    line = OrderItemFactory(order__service__vendor=vendor)

    assert vendor_client.delete(f"/api/services/{line.order.service_id}/").status_code == 204
    assert Service.objects.get(pk=line.order.service_id).is_active is False


@pytest.mark.parametrize("bad_id", ["abc", "99999999999999999999999999", "-1", "1.5"])
def test_non_numeric_or_huge_ids_are_404(api, bad_id):
    assert api.get(f"/api/services/{bad_id}/").status_code == 404
    assert api.get(f"/api/services/{bad_id}/items/").status_code == 404
    assert api.get(f"/api/services/{bad_id}/reviews/").status_code == 404
