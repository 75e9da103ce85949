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


def test_no_filter_set_is_built_without_filter_parameters(student_client, filter_sets):
    service = ServiceFactory(category="food")

    assert student_client.get("/api/services/").json()["count"] == 1
    assert student_client.get("/api/services/?page_size=5").json()["count"] == 1
    assert student_client.get(f"/api/services/{service.pk}/").status_code == 200
    assert filter_sets == []


def test_filter_parameters_still_filter(student_client, filter_sets):
    ServiceFactory(category="food")
    ServiceFactory(category="beauty")

    assert student_client.get("/api/services/?category=beauty").json()["count"] == 1
    assert student_client.get("/api/services/?category=nonsense").status_code == 400
    assert len(filter_sets) == 2


def test_a_single_service_ignores_list_filters(student_client):
    service = ServiceFactory(category="food")

    response = student_client.get(f"/api/services/{service.pk}/?category=beauty")

    assert response.status_code == 200
    assert response.json()["id"] == service.pk
