"""A listing's ``from_price`` is the lowest price a student can pay: the
cheapest available item, else the base price. The same on every read path:
the public rows (anonymous, students), the querysets (the owning vendor) and
a write's answer."""

from decimal import Decimal

import pytest

from catalogue.tests.factories import ServiceFactory, ServiceItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def stall(vendor):
    service = ServiceFactory(vendor=vendor, base_price=Decimal("4.50"))
    ServiceItemFactory(service=service, name="Lemonade", price=Decimal("1.90"))
    ServiceItemFactory(service=service, name="Jollof", price=Decimal("6.00"))
    ServiceItemFactory(service=service, name="Sold out", price=Decimal("0.50"), is_available=False)
    ServiceItemFactory(service=service, name="Deleted", price=Decimal("0.10"), is_active=False)
    return service


@pytest.fixture(params=["anonymous", "student", "vendor"])
def reader(request, api, student_client, vendor_client):
    return {"anonymous": api, "student": student_client, "vendor": vendor_client}[request.param]


def listed(reader, service) -> dict:
    response = reader.get("/api/services/")
    assert response.status_code == 200
    return next(row for row in response.json()["results"] if row["id"] == service.pk)


def test_the_cheapest_available_item_beats_a_higher_base_price(reader, stall):
    assert listed(reader, stall)["from_price"] == "1.90"
    assert reader.get(f"/api/services/{stall.pk}/").json()["from_price"] == "1.90"


def test_without_available_items_it_is_the_base_price_or_null(reader, vendor):
    priced = ServiceFactory(vendor=vendor, base_price=Decimal("3.00"))
    ServiceItemFactory(service=priced, price=Decimal("1.00"), is_available=False)
    unpriced = ServiceFactory(vendor=vendor, base_price=None)

    assert listed(reader, priced)["from_price"] == "3.00"
    assert listed(reader, unpriced)["from_price"] is None


def test_a_search_page_carries_it_too(api, stall):
    response = api.get("/api/services/", {"search": "lemonade"})

    assert [row["from_price"] for row in response.json()["results"]] == ["1.90"]


def test_a_write_answers_with_it(vendor_client, stall):
    response = vendor_client.patch(f"/api/services/{stall.pk}/", {"base_price": "0.99"})

    assert response.status_code == 200
    assert response.json()["from_price"] == "1.90"
