"""Racing writes on PostgreSQL: the database constraints pick one winner and
the loser gets the same 400 as a sequential duplicate."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from catalogue.models import ServiceItem, VendorProfile
from catalogue.tests.factories import ServiceFactory
from conftest import client_for
from users.tests.factories import VendorFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

RACERS = 4


def race(user, method, url, body) -> list[tuple[int, dict]]:
    barrier = threading.Barrier(RACERS, timeout=60)

    def attempt(_):
        try:
            client = client_for(user)
            barrier.wait()
            response = getattr(client, method)(url, body)
            return response.status_code, response.json()
        finally:
            connection.close()

    with ThreadPoolExecutor(RACERS) as pool:
        return list(pool.map(attempt, range(RACERS)))


def test_racing_profile_creations_make_one_profile():
    vendor = VendorFactory()

    results = race(vendor, "post", "/api/vendor-profiles/", {"business_name": "Twice"})

    statuses = sorted(status for status, _ in results)
    assert statuses == [201] + [400] * (RACERS - 1)
    assert all(
        body == {"detail": "You already have a vendor profile."} for s, body in results if s == 400
    )
    assert VendorProfile.objects.filter(user=vendor).count() == 1


def test_racing_items_with_one_name_make_one_item():
    service = ServiceFactory()

    results = race(
        service.vendor, "post", f"/api/services/{service.pk}/items/", {"name": "Tea", "price": "1"}
    )

    statuses = sorted(status for status, _ in results)
    assert statuses == [201] + [400] * (RACERS - 1)
    assert all("name" in body for status, body in results if status == 400)
    assert ServiceItem.objects.filter(service=service, name="Tea").count() == 1
