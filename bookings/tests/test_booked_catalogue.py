"""Services and items with bookings keep them: deleting deactivates instead."""

import pytest

from bookings.models import Booking
from catalogue.models import Service, ServiceItem

pytestmark = pytest.mark.django_db


def test_deleting_a_booked_service_deactivates_it(book, barber, vendor_client):
    booking = book()

    response = vendor_client.delete(f"/api/services/{barber.pk}/")

    assert response.status_code == 204
    barber.refresh_from_db()
    assert (barber.is_active, barber.is_available) == (False, False)
    assert Booking.objects.get().pk == booking["id"]


def test_deleting_a_booked_item_deactivates_it(book, barber, haircut, vendor_client):
    book(service_item=haircut.pk)

    response = vendor_client.delete(f"/api/services/{barber.pk}/items/{haircut.pk}/")

    assert response.status_code == 204
    haircut.refresh_from_db()
    assert (haircut.is_active, haircut.is_available) == (False, False)


def test_an_unbooked_service_is_still_destroyed(barber, vendor_client):
    assert vendor_client.delete(f"/api/services/{barber.pk}/").status_code == 204
    assert not Service.objects.filter(pk=barber.pk).exists()
    assert not ServiceItem.objects.filter(service_id=barber.pk).exists()
