from decimal import Decimal

import pytest

from catalogue.tests.factories import ServiceFactory, ServiceItemFactory

from .helpers import ORDERS_URL


@pytest.fixture
def menu(vendor):
    """An ordering service of ``vendor`` with two priced items."""
    service = ServiceFactory(vendor=vendor)
    burger = ServiceItemFactory(service=service, name="Burger", price=Decimal("6.50"))
    fries = ServiceItemFactory(service=service, name="Fries", price=Decimal("2.25"))
    return service, burger, fries


@pytest.fixture
def place(student_client, menu):
    """Place an order for the menu through the API as ``student``."""
    service, burger, fries = menu

    def _place(client=student_client, **extra):
        body = {
            "service": service.pk,
            "items": [
                {"service_item": burger.pk, "quantity": 2},
                {"service_item": fries.pk, "quantity": 1},
            ],
            **extra,
        }
        response = client.post(ORDERS_URL, body, format="json")
        assert response.status_code == 201, response.json()
        return response.json()

    return _place
