"""The client does not choose catalogue cache keys: junk query parameters
create no entries, and spellings of the same query share one."""

import pytest
from django.core.cache import cache

from catalogue.api import free_form
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory

pytestmark = pytest.mark.django_db


def entries() -> int:
    return len(cache._cache)  # the tests' per-process memory cache


def test_junk_query_parameters_create_no_cache_entries(api):
    service = ServiceFactory()
    VendorProfileFactory()
    api.get("/api/services/")
    before = entries()

    for n in range(20):
        assert api.get(f"/api/services/?junk={n}").status_code == 200
        assert api.get(f"/api/services/{service.pk}/?junk={n}").status_code == 200
        assert api.get(f"/api/services/{service.pk}/items/?x{n}=1").status_code == 200
        assert api.get(f"/api/vendor-profiles/?utm={n}").status_code == 200
        assert api.get(f"/api/services/by_type/?type=ordering&junk={n}").status_code == 200

    # The first clean read cached the version and one page; junk added nothing.
    assert entries() == before


def test_junk_requests_are_still_answered_fresh(api):
    ServiceFactory(service_name="Fresh")

    assert api.get("/api/services/?junk=1").json()["results"][0]["service_name"] == "Fresh"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("?page=1", "?page=01"),
        ("", "?page=1"),
        ("?page_size=100", "?page_size=500"),
        ("?page_size=20", "?page_size=abc"),
        ("?is_available=true", "?is_available=1"),
        ("?category=food&ordering=-rating", "?ordering=-rating&category=food"),
        ("", "?search="),
    ],
)
def test_spellings_of_one_query_share_an_entry(api, django_assert_num_queries, first, second):
    ServiceFactory()
    api.get(f"/api/services/{first}")

    with django_assert_num_queries(0):
        assert api.get(f"/api/services/{second}").status_code == 200


def test_invalid_values_are_answered_and_not_cached(api):
    ServiceFactory()
    before = entries()

    assert api.get("/api/services/?min_price=abc").status_code == 400
    assert api.get("/api/services/?page=abc").status_code == 404
    # A digit to str.isdigit, not to int(): it was a 500.
    assert api.get("/api/services/?page=²").json() == {"detail": "Invalid page."}
    assert api.get("/api/services/?page=1&page=2").status_code == 404  # one service: one page

    assert entries() <= before + 1  # at most the catalogue version


def test_item_lists_and_details_are_still_cached(api, django_assert_num_queries):
    item = ServiceItemFactory()
    path = f"/api/services/{item.service_id}/items/"
    api.get(path)
    api.get(f"/api/services/{item.service_id}/")

    # The stored answer skips even the nested route's service lookup: hiding
    # or deleting the service bumps the catalogue version, so it is never stale.
    with django_assert_num_queries(0):
        api.get(path)
    with django_assert_num_queries(0):
        api.get(f"/api/services/{item.service_id}/")


def test_free_form_values_make_at_most_the_capped_entries_and_empty_answers_none(api, monkeypatch):
    """Each distinct search or price is a new entry: at most
    FREE_FORM_ENTRIES_PER_MINUTE of them are stored per version and minute
    (here 5), the rest answered fresh; an empty list (junk ids) is never stored."""
    monkeypatch.setattr(free_form, "FREE_FORM_ENTRIES_PER_MINUTE", 5)
    ServiceFactory(service_name="Coffee Cart", base_price="40.00")
    api.get("/api/services/")
    before = entries()

    for n in range(30):
        assert api.get(f"/api/services/?search=coffee{n % 3} cart").status_code == 200
        assert api.get(f"/api/services/?min_price={n}.{n % 10}5").json()["count"] == 1
        assert api.get(f"/api/services/?vendor={10_000 + n}").status_code == 200
        assert api.get(f"/api/vendor-profiles/?search=x{n}").status_code == 200

    # 5 answers, each as data and as stored bytes, and the counter.
    assert entries() <= before + 5 * 2 + 1


def test_a_popular_search_is_served_from_the_cache(api, django_assert_num_queries):
    ServiceFactory(service_name="Pizza Place")
    api.get("/api/services/?search=pizza")

    with django_assert_num_queries(0):
        assert api.get("/api/services/?search=pizza").json()["count"] == 1
