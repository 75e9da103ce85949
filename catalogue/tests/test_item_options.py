"""Option groups of an item through the API: the rules, what is stored, and
how every item representation shows them."""

from decimal import Decimal

import pytest

from catalogue.models import Option, OptionGroup
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coffee(vendor):
    service = ServiceFactory(vendor=vendor)
    return ServiceItemFactory(service=service, name="Latte", price=Decimal("3.00"))


def groups_url(item):
    return f"/api/services/{item.service_id}/items/{item.pk}/option-groups/"


def group_url(item, group_id):
    return f"{groups_url(item)}{group_id}/"


SIZE = {
    "name": "Size",
    "min_choices": 1,
    "max_choices": 1,
    "options": [
        {"name": "Small"},
        {"name": "Large", "price_delta": "0.80"},
        {"name": "Huge", "price_delta": "1.50", "is_available": False},
    ],
}


def test_vendor_adds_a_group_and_every_item_representation_shows_it(vendor_client, api, coffee):
    response = vendor_client.post(groups_url(coffee), SIZE, format="json")

    assert response.status_code == 201, response.json()
    group = response.json()
    assert group["name"] == "Size"
    assert (group["min_choices"], group["max_choices"]) == (1, 1)
    assert [(o["name"], o["price_delta"], o["is_available"]) for o in group["options"]] == [
        ("Small", "0.00", True),
        ("Large", "0.80", True),
        ("Huge", "1.50", False),
    ]
    item_url = f"/api/services/{coffee.service_id}/items/{coffee.pk}/"
    for url in (item_url, f"/api/services/{coffee.service_id}/items/"):
        body = api.get(url).json()
        item = body["results"][0] if "results" in body else body
        assert item["option_groups"] == [group]
        assert item["stock"] is None
    detail = api.get(f"/api/services/{coffee.service_id}/").json()
    assert detail["items"][0]["option_groups"] == [group]


def test_groups_keep_the_vendors_order(vendor_client, api, coffee):
    for name in ("Size", "Milk", "Extras"):
        body = {**SIZE, "name": name}
        assert vendor_client.post(groups_url(coffee), body, format="json").status_code == 201

    item = api.get(f"/api/services/{coffee.service_id}/items/{coffee.pk}/").json()
    assert [g["name"] for g in item["option_groups"]] == ["Size", "Milk", "Extras"]


def options(count):
    return [{"name": f"Option {number}"} for number in range(count)]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**SIZE, "options": []}, "options"),
        ({**SIZE, "options": options(31)}, "options"),
        ({**SIZE, "options": [{"name": "Small"}, {"name": "Small"}]}, "options"),
        ({**SIZE, "min_choices": 2, "max_choices": 1}, "min_choices"),
        ({**SIZE, "max_choices": 0, "min_choices": 0}, "max_choices"),
        ({**SIZE, "max_choices": 4}, "max_choices"),
        ({**SIZE, "min_choices": -1}, "min_choices"),
        ({**SIZE, "options": [{"name": "Small", "price_delta": "-0.10"}]}, "options"),
        ({**SIZE, "options": [{"name": "Small", "price_delta": "NaN"}]}, "options"),
        ({**SIZE, "name": ""}, "name"),
        ({key: value for key, value in SIZE.items() if key != "min_choices"}, "min_choices"),
    ],
)
def test_a_group_breaking_a_rule_is_refused_and_nothing_is_stored(
    vendor_client, coffee, body, field
):
    response = vendor_client.post(groups_url(coffee), body, format="json")

    assert response.status_code == 400
    assert field in response.json()
    assert OptionGroup.objects.count() == 0
    assert Option.objects.count() == 0


def test_group_names_are_unique_within_the_item(vendor_client, coffee):
    assert vendor_client.post(groups_url(coffee), SIZE, format="json").status_code == 201

    response = vendor_client.post(groups_url(coffee), SIZE, format="json")

    assert response.status_code == 400
    assert "name" in response.json()
    assert OptionGroup.objects.count() == 1


def test_an_item_has_at_most_ten_groups(vendor_client, coffee):
    for number in range(10):
        body = {**SIZE, "name": f"Group {number}"}
        assert vendor_client.post(groups_url(coffee), body, format="json").status_code == 201

    response = vendor_client.post(groups_url(coffee), {**SIZE, "name": "One more"}, format="json")

    assert response.status_code == 400
    assert OptionGroup.objects.count() == 10


def test_put_replaces_the_group_and_keeps_the_ids_of_unchanged_names(vendor_client, coffee):
    group = vendor_client.post(groups_url(coffee), SIZE, format="json").json()
    ids = {option["name"]: option["id"] for option in group["options"]}
    body = {
        "name": "Cup size",
        "min_choices": 0,
        "max_choices": 2,
        "options": [
            {"name": "Large", "price_delta": "1.00"},
            {"name": "Small"},
            {"name": "Medium", "price_delta": "0.40"},
        ],
    }

    response = vendor_client.put(group_url(coffee, group["id"]), body, format="json")

    assert response.status_code == 200, response.json()
    replaced = response.json()
    assert replaced["id"] == group["id"]
    assert replaced["name"] == "Cup size"
    assert [(o["name"], o["price_delta"]) for o in replaced["options"]] == [
        ("Large", "1.00"),
        ("Small", "0.00"),
        ("Medium", "0.40"),
    ]
    new_ids = {option["name"]: option["id"] for option in replaced["options"]}
    assert new_ids["Large"] == ids["Large"]
    assert new_ids["Small"] == ids["Small"]
    assert new_ids["Medium"] not in ids.values()
    assert not Option.objects.filter(pk=ids["Huge"]).exists()


def test_a_put_breaking_a_rule_changes_nothing(vendor_client, coffee):
    group = vendor_client.post(groups_url(coffee), SIZE, format="json").json()

    response = vendor_client.put(
        group_url(coffee, group["id"]), {**SIZE, "max_choices": 9}, format="json"
    )

    assert response.status_code == 400
    stored = OptionGroup.objects.get()
    assert stored.max_choices == 1
    assert list(stored.options.values_list("name", flat=True)) == ["Small", "Large", "Huge"]


def item_group_names(client, item):
    # Read as the vendor: anonymous reads are cached until the test's transaction commits.
    body = client.get(f"/api/services/{item.service_id}/items/{item.pk}/").json()
    return [g["name"] for g in body["option_groups"]]


def test_a_put_with_a_position_moves_the_group(vendor_client, coffee):
    groups = {}
    for name in ("Size", "Milk", "Extras"):
        groups[name] = vendor_client.post(groups_url(coffee), {**SIZE, "name": name}, format="json")
    extras = groups["Extras"].json()

    moved = vendor_client.put(
        group_url(coffee, extras["id"]), {**SIZE, "name": "Extras", "position": 0}, format="json"
    )
    assert moved.status_code == 200, moved.json()
    assert item_group_names(vendor_client, coffee) == ["Extras", "Size", "Milk"]

    milk = groups["Milk"].json()
    again = vendor_client.put(
        group_url(coffee, milk["id"]), {**SIZE, "name": "Milk", "position": 1}, format="json"
    )
    assert again.status_code == 200, again.json()
    assert item_group_names(vendor_client, coffee) == ["Extras", "Milk", "Size"]
    new = vendor_client.post(groups_url(coffee), {**SIZE, "name": "Syrup"}, format="json")
    assert new.status_code == 201
    assert item_group_names(vendor_client, coffee) == ["Extras", "Milk", "Size", "Syrup"]


@pytest.mark.parametrize("position", [3, -1, 10, "first", None])
def test_a_position_outside_the_items_groups_is_refused(vendor_client, coffee, position):
    for name in ("Size", "Milk", "Extras"):
        vendor_client.post(groups_url(coffee), {**SIZE, "name": name}, format="json")
    size = OptionGroup.objects.get(name="Size")

    response = vendor_client.put(
        group_url(coffee, size.pk),
        {**SIZE, "name": "Cup size", "position": position},
        format="json",
    )

    assert response.status_code == 400
    assert "position" in response.json()
    assert item_group_names(vendor_client, coffee) == ["Size", "Milk", "Extras"]


def test_vendor_deletes_a_group(vendor_client, coffee):
    group = vendor_client.post(groups_url(coffee), SIZE, format="json").json()

    assert vendor_client.delete(group_url(coffee, group["id"])).status_code == 204
    assert OptionGroup.objects.count() == 0
    assert Option.objects.count() == 0
    assert vendor_client.delete(group_url(coffee, group["id"])).status_code == 404


def test_a_group_of_another_item_is_not_found(vendor_client, coffee):
    other = ServiceItemFactory(service=coffee.service, name="Tea")
    group = vendor_client.post(groups_url(other), SIZE, format="json").json()

    assert vendor_client.delete(group_url(coffee, group["id"])).status_code == 404
    assert OptionGroup.objects.count() == 1


def test_vendor_sets_and_clears_the_stock_count(vendor_client, coffee):
    url = f"/api/services/{coffee.service_id}/items/{coffee.pk}/"

    assert vendor_client.patch(url, {"stock": 3}, format="json").json()["stock"] == 3
    assert vendor_client.patch(url, {"stock": -1}, format="json").status_code == 400
    assert vendor_client.patch(url, {"stock": None}, format="json").json()["stock"] is None
    coffee.refresh_from_db()
    assert coffee.stock is None
