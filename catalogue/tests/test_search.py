"""API.md, "Search": every rule, through both read paths of the service list
(the public rows everyone but vendors get, and the querysets vendors' lists
use), on whichever database the tests run."""

from decimal import Decimal

import pytest

from catalogue.api.service_views import ServiceViewSet
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["public rows", "querysets"])
def search(request, api, monkeypatch):
    """``search("words")`` → the ids of the public list's answer, in order."""
    monkeypatch.setattr(ServiceViewSet, "public_rows", request.param == "public rows")

    def _search(text, **params):
        # An unknown parameter: never the cache (tests run no on_commit
        # invalidation); test_cache_keys.py covers caching searches.
        response = api.get("/api/services/", {"search": text, "nocache": "1", **params})
        assert response.status_code == 200, response.json()
        return [row["id"] for row in response.json()["results"]]

    return _search


@pytest.fixture
def coffee_cart(db):
    vendor = VendorProfileFactory(business_name="Coffee Cart").user
    service = ServiceFactory(
        vendor=vendor, service_name="Morning Drinks", description="Espresso by the library"
    )
    ServiceItemFactory(service=service, name="Croissant", description="Butter, baked daily")
    ServiceItemFactory(service=service, name="Flat white", price=Decimal("3.00"))
    return service


def test_an_items_name_finds_its_service(search, coffee_cart):
    assert search("croissant") == [coffee_cart.pk]
    assert search("flat white") == [coffee_cart.pk]


def test_an_items_description_finds_its_service(search, coffee_cart):
    assert search("baked") == [coffee_cart.pk]


def test_only_available_items_are_searched(search, coffee_cart):
    ServiceItemFactory(service=coffee_cart, name="Muffin", is_available=False)
    ServiceItemFactory(service=coffee_cart, name="Bagel", is_active=False)

    assert search("muffin") == []
    assert search("bagel") == []


def test_every_word_must_match_somewhere(search, coffee_cart):
    other = ServiceFactory(service_name="Croissant Corner", description="Pastries")

    assert search("croissant espresso") == [coffee_cart.pk]
    assert search("croissant pastries") == [other.pk]
    assert search("croissant laundry") == []


def test_case_and_accents_do_not_matter(search):
    cafe = ServiceFactory(service_name="Café Crème", description="Crêpes")

    assert search("cafe") == [cafe.pk]
    assert search("CAFÉ CREME") == [cafe.pk]
    assert search("crepes") == [cafe.pk]
    plain = ServiceFactory(service_name="Naive Tea")
    assert search("naïve") == [plain.pk]


def test_a_vendors_business_name_finds_all_its_public_services(search):
    vendor = VendorProfileFactory(business_name="Union Kitchen").user
    jollof = ServiceFactory(vendor=vendor, service_name="Jollof", location="Hall 2")
    waakye = ServiceFactory(vendor=vendor, service_name="Waakye", location="Hall 3")
    ServiceFactory(vendor=vendor, service_name="Old menu", is_active=False)
    ServiceFactory(service_name="Kitchenware", location="Annex")

    found = search("union kitchen")
    assert sorted(found) == sorted([jollof.pk, waakye.pk])


def test_category_and_location_are_searched(search):
    service = ServiceFactory(service_name="Prints", category="printing", location="Balme Library")

    assert search("balme") == [service.pk]
    assert search("printing") == [service.pk]


def test_ranking_name_then_vendor_then_items_then_the_rest_ties_newest_first(search):
    name_old = ServiceFactory(service_name="Mango Juice", location="North")
    name_new = ServiceFactory(service_name="Mango Smoothie", location="South")
    vendor = VendorProfileFactory(business_name="Mango Republic").user
    by_vendor = ServiceFactory(vendor=vendor, service_name="Juices")
    by_item = ServiceFactory(service_name="Lassi Bar")
    ServiceItemFactory(service=by_item, name="Mango lassi")
    by_rest = ServiceFactory(service_name="Fruit Stand", description="Fresh mango daily")

    assert search("mango") == [name_new.pk, name_old.pk, by_vendor.pk, by_item.pk, by_rest.pk]
    # An explicit ordering wins over relevance.
    assert search("mango", ordering="created_at")[0] == name_old.pk


def test_a_word_of_five_letters_or_more_matches_with_one_typo(search, coffee_cart):
    pizza = ServiceFactory(service_name="Pizza Place")

    assert search("croisant") == [coffee_cart.pk]  # a letter missing
    assert search("croissamt") == [coffee_cart.pk]  # a letter changed
    assert search("croisssant") == [coffee_cart.pk]  # a letter too many
    assert search("pizzq") == [pizza.pk]


def test_no_typo_for_shorter_words_and_never_two(search, coffee_cart):
    ServiceFactory(service_name="Pizza Place")

    assert search("piza") == []  # four letters: exact (or a prefix) only
    assert search("pozz") == []
    assert search("crosant") == []  # two edits
    assert search("croizzant") == []


def test_a_query_of_101_characters_is_a_400_and_100_are_fine(api):
    ServiceFactory()

    too_long = api.get("/api/services/", {"search": "a" * 101})
    assert too_long.status_code == 400
    assert "search" in too_long.json()
    assert api.get("/api/services/", {"search": "a " * 50}).status_code == 200


def test_a_hidden_vendor_is_never_found(search, coffee_cart):
    profile = coffee_cart.vendor.vendor_profile
    profile.is_active = False
    profile.save()

    assert search("croissant") == []
    assert search("coffee cart") == []


def test_the_document_follows_item_vendor_and_service_changes(api, search, coffee_cart):
    owner = client_for(coffee_cart.vendor)
    croissant = coffee_cart.items.get(name="Croissant")
    items = f"/api/services/{coffee_cart.pk}/items/"

    renamed = owner.patch(f"{items}{croissant.pk}/", {"name": "Brioche"}, format="json")
    assert renamed.status_code == 200
    assert search("croissant") == [] and search("brioche") == [coffee_cart.pk]

    owner.patch(f"{items}{croissant.pk}/", {"is_available": False}, format="json")
    assert search("brioche") == []

    created = owner.post(items, {"name": "Pain au chocolat", "price": "4.00"}, format="json")
    assert created.status_code == 201
    assert search("chocolat") == [coffee_cart.pk]
    assert owner.delete(f"{items}{created.json()['id']}/").status_code == 204
    assert search("chocolat") == []

    profile = coffee_cart.vendor.vendor_profile
    moved = owner.patch(
        f"/api/vendor-profiles/{profile.pk}/", {"business_name": "Bean There"}, format="json"
    )
    assert moved.status_code == 200
    assert search("coffee cart") == [] and search("bean there") == [coffee_cart.pk]

    owner.patch(f"/api/services/{coffee_cart.pk}/", {"service_name": "Night Drinks"})
    assert search("night") == [coffee_cart.pk]


def test_a_vendors_own_list_searches_by_the_same_rules(coffee_cart):
    owner = client_for(coffee_cart.vendor)
    ServiceFactory(vendor=coffee_cart.vendor, service_name="Late Snacks")
    ServiceFactory(service_name="Croissant World")  # not theirs

    response = owner.get("/api/services/", {"search": "croisant"})

    assert [row["id"] for row in response.json()["results"]] == [coffee_cart.pk]


def test_punctuation_alone_does_not_filter_and_symbols_never_fail(search, coffee_cart):
    assert search("'&|!:*()\\") == [coffee_cart.pk]
    assert search("croissant's:*") == [coffee_cart.pk]  # "s" starts "Student Union"


def test_a_typo_in_a_vendors_name_still_finds_their_services(search):
    vendor = VendorProfileFactory(business_name="Union Kitchen").user
    rice = ServiceFactory(vendor=vendor, service_name="Rice", location="Annex")

    assert search("kitchn") == [rice.pk]


def test_a_search_result_says_which_items_matched(api, search, coffee_cart):
    ServiceItemFactory(service=coffee_cart, name="Croissant aux amandes", is_available=False)
    croissant = coffee_cart.items.get(name="Croissant")

    rows = api.get("/api/services/", {"search": "croisant"}).json()["results"]

    assert rows[0]["matched_items"] == [{"id": croissant.pk, "name": "Croissant", "price": "3.50"}]
    by_name = api.get("/api/services/", {"search": "morning"}).json()["results"]
    assert by_name[0]["matched_items"] == []
    assert "matched_items" not in api.get("/api/services/").json()["results"][0]
