from decimal import Decimal

import pytest

from catalogue.tests.factories import ServiceFactory, ServiceItemFactory

ORDERS_URL = "/api/orders/"


@pytest.fixture
def shop(vendor):
    """An ordering service of ``vendor`` taking both methods, with one 6.50 item."""
    service = ServiceFactory(vendor=vendor, payment_methods=["pay_at_pickup", "online"])
    item = ServiceItemFactory(service=service, name="Burger", price=Decimal("6.50"))
    return service, item


@pytest.fixture
def order_online(student_client, shop):
    """Place an order of two burgers (13.00) through the API, paid online."""
    service, item = shop

    def _place(client=student_client, expect=201, **extra):
        body = {
            "service": service.pk,
            "items": [{"service_item": item.pk, "quantity": 2}],
            "payment_method": "online",
            **extra,
        }
        response = client.post(ORDERS_URL, body, format="json")
        assert response.status_code == expect, response.json()
        return response.json()

    return _place


@pytest.fixture
def other_student(db):
    from users.tests.factories import StudentFactory

    return StudentFactory()


@pytest.fixture
def other_student_client(other_student):
    from conftest import client_for

    return client_for(other_student)


@pytest.fixture
def barber(vendor):
    from bookings.tests.factories import BookingServiceFactory, open_every_day

    service = BookingServiceFactory(vendor=vendor, service_name="Haircuts")
    open_every_day(service)
    return service


@pytest.fixture
def haircut(barber):
    return ServiceItemFactory(service=barber, name="Skin fade", price=Decimal("12.50"))
