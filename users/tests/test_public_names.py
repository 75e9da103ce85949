"""A user's email is shown to nobody but that user and admins: everywhere
another user is named, it is a business name, a full name or a neutral label."""

import json

import pytest

from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from conftest import client_for
from reviews.tests.factories import ReviewFactory
from users.tests.factories import StudentFactory, VendorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def nameless():
    """A vendor and a student who gave no names, with an order and a review."""
    vendor = VendorFactory(first_name="", last_name="", email="owner.secret@campus.test")
    student = StudentFactory(first_name="", last_name="", email="k.johnson@campus.test")
    service = ServiceFactory(vendor=vendor)
    item = ServiceItemFactory(service=service)
    review = ReviewFactory(service=service, user=student)
    order = client_for(student).post(
        "/api/orders/",
        {"service": service.pk, "items": [{"service_item": item.pk, "quantity": 1}]},
        format="json",
    )
    assert order.status_code == 201
    vendor_client = client_for(vendor)
    confirmed = vendor_client.post(
        f"/api/orders/{order.json()['id']}/update_status/",
        {"order_status": "confirmed"},
        format="json",
    )
    assert confirmed.status_code == 200
    return vendor, student, service, review, order.json()["id"]


def leaks(response, *emails) -> list[str]:
    text = json.dumps(response.json())
    return [part for email in emails for part in (email, email.split("@")[0]) if part in text]


def test_public_reads_name_people_without_their_email(api, nameless):
    vendor, student, service, _review, _ = nameless
    emails = (vendor.email, student.email)

    detail = api.get(f"/api/services/{service.pk}/")
    listing = api.get("/api/services/")
    reviews = api.get("/api/reviews/")
    service_reviews = api.get(f"/api/services/{service.pk}/reviews/")

    assert detail.json()["vendor_name"] == f"Vendor {vendor.pk}"
    assert reviews.json()["results"][0]["user_name"] == f"Student {student.pk}"
    for response in (detail, listing, reviews, service_reviews):
        assert leaks(response, *emails) == []


def test_the_vendor_sees_the_customers_public_name_not_their_email(nameless):
    vendor, student, _, _, order_id = nameless

    body = client_for(vendor).get(f"/api/orders/{order_id}/")

    assert body.json()["customer_name"] == f"Student {student.pk}"
    assert body.json()["customer_email"] is None
    assert leaks(body, student.email) == []
    assert client_for(vendor).get("/api/orders/").json()["results"][0]["customer_email"] is None


def test_the_customer_sees_the_vendors_public_name_and_their_own_email(nameless):
    vendor, student, _, _, order_id = nameless

    body = client_for(student).get(f"/api/orders/{order_id}/").json()

    assert body["customer_email"] == student.email
    assert body["vendor_name"] == f"Vendor {vendor.pk}"
    assert [step["changed_by_name"] for step in body["status_history"]] == [
        f"Student {student.pk}",
        f"Vendor {vendor.pk}",
    ]
    assert vendor.email not in json.dumps(body)


def test_admins_see_the_customers_email(admin_client, nameless):
    _, student, _, _, order_id = nameless

    assert admin_client.get(f"/api/orders/{order_id}/").json()["customer_email"] == student.email


def test_a_business_name_wins_then_the_full_name(api):
    branded = ServiceFactory(vendor=VendorProfileFactory(business_name="Slice").user)
    named = ServiceFactory(vendor=VendorFactory(first_name="Ada", last_name="Lovelace"))

    assert api.get(f"/api/services/{branded.pk}/").json()["vendor_name"] == "Slice"
    assert api.get(f"/api/services/{named.pk}/").json()["vendor_name"] == "Ada Lovelace"
