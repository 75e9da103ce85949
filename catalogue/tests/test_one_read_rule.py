"""The public read's rules are written once: the rows path
(``catalogue.public_rows``) compiles the querysets' own definitions, so a rule
added to one of them (a reason to hide a vendor, a condition on services, a
filter) changes the rows, the querysets and the in-memory check alike; a rule
the rows cannot say of the service row is refused, never dropped."""

from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Q

from catalogue import public_rows, selectors
from catalogue.api.filters import ServiceFilter
from catalogue.api.service_views import ServiceViewSet
from catalogue.models import Service
from catalogue.tests.factories import ServiceFactory, VendorProfileFactory
from common.sql import where_sql
from conftest import client_for
from users.tests.factories import StudentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def recompile():
    """Forgets the rows' SQL, compiled once per connection (rules are code:
    a process compiles the rules it started with), so that it is compiled
    again from the rules as a test changes them; and again after the test."""

    def forget():
        connections[DEFAULT_DB_ALIAS].__dict__.pop(public_rows._BUILT, None)
        connections[DEFAULT_DB_ALIAS].__dict__.pop(public_rows._ORDERS, None)
        connections[DEFAULT_DB_ALIAS].__dict__.pop(public_rows._CONDITIONS, None)

    forget()
    yield forget
    forget()


@pytest.fixture(params=[False, True], ids=["verification off", "verification on"])
def shops(request, settings):
    settings.REQUIRE_VENDOR_VERIFICATION = request.param
    mallory = VendorProfileFactory(business_name="Mallory Foods", is_verified=True).user
    mallory.first_name = "Mallory"
    mallory.save()
    honest = VendorProfileFactory(business_name="Honest Foods", is_verified=True).user
    return {
        "mallory": mallory,
        "mallory_s": ServiceFactory(vendor=mallory, service_name="Mallory Pizza"),
        "honest": ServiceFactory(vendor=honest, service_name="Honest Pizza"),
        "unpriced": ServiceFactory(vendor=honest, service_name="Free Pizza", base_price=None),
        "cheap": ServiceFactory(vendor=honest, service_name="Cheap Pizza", base_price=Decimal("1")),
    }


def both_ways(client, path: str, monkeypatch) -> list:
    """``path``'s (status, body) read as rows, then through the querysets."""
    answers = []
    for rows in (True, False):
        monkeypatch.setattr(ServiceViewSet, "public_rows", rows)
        cache.clear()
        response = client.get(path)
        answers.append((response.status_code, response.json()))
    return answers


def listed_names(client, path: str, monkeypatch) -> set[str]:
    """The service names ``path`` lists, the same on both paths."""
    fast, slow = both_ways(client, path, monkeypatch)
    assert fast == slow
    return {row["service_name"] for row in fast[1]["results"]}


@pytest.mark.parametrize("who", ["anonymous", "student"])
def test_a_reason_added_to_the_hidden_vendor_rule_hides_them_on_every_path(
    api, shops, recompile, monkeypatch, who
):
    client = api if who == "anonymous" else client_for(StudentFactory())
    assert "Mallory Pizza" in listed_names(client, "/api/services/", monkeypatch)
    suspended = selectors.HIDDEN_BECAUSE["suspended"]
    monkeypatch.setitem(
        selectors.HIDDEN_BECAUSE, "suspended", (*suspended, {"first_name": "Mallory"})
    )
    recompile()
    for path in ["/api/services/", "/api/services/?search=pizza", "/api/services/?ordering=rating"]:
        names = listed_names(client, path, monkeypatch)
        assert "Mallory Pizza" not in names and "Honest Pizza" in names, path
    detail = both_ways(client, f"/api/services/{shops['mallory_s'].pk}/", monkeypatch)
    assert [status for status, _ in detail] == [404, 404]
    assert selectors.vendor_hidden_reason(shops["mallory"]) == "suspended"
    # Mallory still sees her own service, as any hidden vendor does.
    mine = client_for(shops["mallory"]).get("/api/services/").json()["results"]
    assert [row["service_name"] for row in mine] == ["Mallory Pizza"]


def test_a_condition_added_to_the_public_service_rule_reaches_the_rows(
    api, shops, recompile, monkeypatch
):
    assert "Free Pizza" in listed_names(api, "/api/services/", monkeypatch)
    original = selectors.public_service_q

    def priced_only(service: str = "") -> Q:
        prefix = f"{service}__" if service else ""
        return original(service) & Q(**{f"{prefix}base_price__isnull": False})

    monkeypatch.setattr(selectors, "public_service_q", priced_only)
    recompile()
    names = listed_names(api, "/api/services/", monkeypatch)
    assert "Free Pizza" not in names and "Honest Pizza" in names
    detail = both_ways(api, f"/api/services/{shops['unpriced'].pk}/", monkeypatch)
    assert [status for status, _ in detail] == [404, 404]


def test_a_filter_changed_in_the_filter_set_changes_both_paths(api, shops, recompile, monkeypatch):
    assert "Cheap Pizza" in listed_names(api, "/api/services/?max_price=1", monkeypatch)
    monkeypatch.setattr(ServiceFilter.base_filters["max_price"], "lookup_expr", "lt")
    recompile()
    assert "Cheap Pizza" not in listed_names(api, "/api/services/?max_price=1", monkeypatch)


def test_a_rule_that_needs_a_join_is_refused_by_the_rows():
    """The rows read the service table alone for counts and searches: a
    condition on a joined table must come as a subquery (as ``public_vendor_q``
    does), or the rows refuse to start."""
    assert where_sql(Service.objects.filter(is_active=True))[0]
    with pytest.raises(ValueError, match="not a WHERE clause"):
        where_sql(Service.objects.filter(vendor__first_name="Mallory"))
