"""django-filter runs only when a filter parameter is sent, and never on a
single service (common.filters.FilterBackend)."""

import pytest

from catalogue.api.filters import ServiceFilter
from catalogue.tests.factories import ServiceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def filter_sets(monkeypatch):
    built = []
    original = ServiceFilter.__init__

    def counting(self, *args, **kwargs):
        built.append(kwargs.get("data"))
        original(self, *args, **kwargs)

    monkeypatch.setattr(ServiceFilter, "__init__", counting)
    return built


# A vendor's reads are never cached, so each one goes through the filter backend.


@pytest.mark.parametrize("who", ["vendor", "anonymous"])
def test_no_filter_set_is_built_without_filter_parameters(
    who, vendor, vendor_client, api, filter_sets
):
    client = vendor_client if who == "vendor" else api
    service = ServiceFactory(category="food", vendor=vendor)

    assert client.get("/api/services/").json()["count"] == 1
    assert client.get("/api/services/?page_size=5").json()["count"] == 1
    assert client.get(f"/api/services/{service.pk}/").status_code == 200
    assert filter_sets == []


def test_filter_parameters_still_filter(vendor, vendor_client, filter_sets):
    ServiceFactory(category="food", vendor=vendor)
    ServiceFactory(category="beauty", vendor=vendor)

    assert vendor_client.get("/api/services/?category=beauty").json()["count"] == 1
    assert vendor_client.get("/api/services/?category=nonsense").status_code == 400
    assert len(filter_sets) == 2


def test_a_single_service_ignores_list_filters(student_client):
    service = ServiceFactory(category="food")

    response = student_client.get(f"/api/services/{service.pk}/?category=beauty")

    assert response.status_code == 200
    assert response.json()["id"] == service.pk
