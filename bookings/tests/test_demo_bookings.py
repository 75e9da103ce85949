"""The demo data's barber and print shop take bookings, and loading it twice
changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from bookings.models import Booking
from catalogue.models import Service

pytestmark = pytest.mark.django_db


def test_demo_barber_and_print_shop_take_bookings(api):
    for _ in range(2):
        call_command("seed_demo", stdout=StringIO())

    booking_services = Service.objects.filter(service_type="booking")
    assert set(booking_services.values_list("service_name", flat=True)) == {
        "Campus Cuts Barber Chair",
        "Poster Printing Appointments",
    }
    for service in booking_services:
        assert api.get(f"/api/services/{service.pk}/slots/").status_code == 200
    assert Booking.objects.count() == 2
    assert all(booking.price is not None for booking in Booking.objects.all())
