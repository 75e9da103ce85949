"""A service of each kind of purchase, and the body of a request for each."""

from decimal import Decimal

import pytest

from bookings.tests.factories import BookingServiceFactory, open_every_day
from bookings.tests.helpers import iso, tomorrow_at
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory


@pytest.fixture
def lunch(vendor):
    """An ordering service with one priced item."""
    service = ServiceFactory(vendor=vendor)
    return ServiceItemFactory(service=service, name="Wrap", price=Decimal("5.00"))


@pytest.fixture
def barber(vendor):
    """A booking service open every day, two seats a slot."""
    service = BookingServiceFactory(vendor=vendor, seats_per_slot=2)
    open_every_day(service)
    return service


@pytest.fixture
def bodies(lunch, barber):
    """Per scope, the body of request number ``n``: another ``n`` is another request."""
    return {
        "order": lambda n=1: {
            "service": lunch.service_id,
            "items": [{"service_item": lunch.pk, "quantity": n}],
        },
        "booking": lambda n=1: {"service": barber.pk, "start": iso(tomorrow_at(f"{9 + n:02d}:00"))},
    }
