from decimal import Decimal

import pytest

from catalogue.tests.factories import ServiceItemFactory, VendorProfileFactory

from .factories import BookingServiceFactory, open_every_day
from .helpers import BOOKINGS_URL, iso, tomorrow_at


@pytest.fixture
def barber(vendor):
    """A booking service of ``vendor``: open 08:00-20:00 every day, 30-minute
    slots of one seat, 60 minutes' notice, 14 days ahead, cancel until 2 hours before."""
    VendorProfileFactory(user=vendor, business_name="Campus Cuts")
    service = BookingServiceFactory(vendor=vendor, service_name="Haircuts")
    open_every_day(service)
    return service


@pytest.fixture
def haircut(barber):
    return ServiceItemFactory(service=barber, name="Skin fade", price=Decimal("12.50"))


@pytest.fixture
def book(student_client, barber):
    """Book ``barber`` through the API (tomorrow 10:00 unless told) and return the body."""

    def _book(client=student_client, *, start=None, expect=201, headers=None, **extra):
        body = {"service": barber.pk, "start": iso(start or tomorrow_at("10:00")), **extra}
        response = client.post(BOOKINGS_URL, body, format="json", **(headers or {}))
        assert response.status_code == expect, response.json()
        return response.json()

    return _book
