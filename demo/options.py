"""Demo option groups and a counted item, made through catalogue.options so
they obey the same rules as the API. Idempotent: a group that exists by name
is left as the vendor may have changed it, and a count is set only once."""

from catalogue.models import OptionGroup, ServiceItem
from catalogue.options import option_group_create

SIZES = {
    "name": "Size",
    "min_choices": 1,
    "max_choices": 1,
    "options": [
        {"name": "Small", "price_delta": "0.00"},
        {"name": "Regular", "price_delta": "0.30"},
        {"name": "Large", "price_delta": "0.60"},
    ],
}
EXTRAS = {
    "name": "Extras",
    "min_choices": 0,
    "max_choices": 3,
    "options": [
        {"name": "Oat milk", "price_delta": "0.40"},
        {"name": "Extra shot", "price_delta": "0.50"},
        {"name": "Vanilla syrup", "price_delta": "0.30"},
    ],
}
PRINT_COLOUR = {
    "name": "Print",
    "min_choices": 1,
    "max_choices": 1,
    "options": [
        {"name": "Black & white", "price_delta": "0.00"},
        {"name": "Colour", "price_delta": "0.35"},
    ],
}
# (service name, item name) -> its groups, in order
GROUPS = {
    ("Morning Coffee Cart", "Flat White"): [SIZES, EXTRAS],
    ("Morning Coffee Cart", "Iced Latte"): [SIZES, EXTRAS],
    ("Union Kitchen Grill", "Lemonade"): [SIZES],
    ("Thesis Printing & Binding", "Print page"): [PRINT_COLOUR],
}
# (service name, item name) -> units in stock when the demo is first loaded
STOCK = {("Morning Coffee Cart", "Croissant"): 6}


def _item(service_name: str, item_name: str) -> ServiceItem | None:
    return ServiceItem.objects.filter(
        service__service_name=service_name, name=item_name, is_active=True
    ).first()


def seed_options() -> None:
    for (service_name, item_name), groups in GROUPS.items():
        item = _item(service_name, item_name)
        if item is None:
            continue
        for group in groups:
            if not OptionGroup.objects.filter(item=item, name=group["name"]).exists():
                option_group_create(item=item, **group)
    for (service_name, item_name), units in STOCK.items():
        item = _item(service_name, item_name)
        if item is not None and item.stock is None:
            ServiceItem.objects.filter(pk=item.pk).update(stock=units)
