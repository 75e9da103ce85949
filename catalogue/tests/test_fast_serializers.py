"""The fast read path of the catalogue serializers (common.serializers) gives
the JSON DRF's own field machinery gives, byte for byte."""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone
from rest_framework.test import APIRequestFactory

from catalogue import selectors
from catalogue.api.serializers import (
    ServiceDetailSerializer,
    ServiceItemSerializer,
    ServiceSerializer,
    VendorProfileSerializer,
)
from catalogue.models import Service
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from catalogue.tests.images import png_upload as image_file
from common.tests.fast_read import plain

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _hosts(settings):
    settings.ALLOWED_HOSTS = ["campus.example", "other.example"]


def context():
    return {"request": APIRequestFactory().get("/api/services/", HTTP_HOST="campus.example")}


def as_json(serializer) -> str:
    return json.dumps(serializer.data, sort_keys=False)


@pytest.fixture
def catalogue():
    with_everything = ServiceFactory(
        base_price=Decimal("12.5"),
        images=image_file("photo.png"),
        orders_per_slot=7,
        paused_until=timezone.now() + timedelta(minutes=30),
        pause_reason="Rush",
    )
    VendorProfileFactory(user=with_everything.vendor, logo=image_file("logo.png"))
    ServiceItemFactory(service=with_everything, price=Decimal("3"), image=image_file())
    ServiceItemFactory(service=with_everything, is_available=False, description="")
    bare = ServiceFactory(base_price=None, contact_info="")
    Service.objects.filter(pk=bare.pk).update(rating=Decimal("4.25"), total_ratings=4)
    return [with_everything.pk, bare.pk]


def test_lists_and_details_are_identical(catalogue, student):
    rows = list(selectors.service_list_for(student).filter(pk__in=catalogue))
    assert as_json(ServiceSerializer(rows, many=True, context=context())) == as_json(
        plain(ServiceSerializer)(rows, many=True, context=context())
    )

    # Read as the detail view reads them.
    visible = selectors.with_listing(Service.objects.filter(pk__in=catalogue))
    details = [selectors.load_active_items(service) for service in visible]
    fast = [ServiceDetailSerializer(s, context=context()).data for s in details]
    slow = [plain(ServiceDetailSerializer)(s, context=context()).data for s in details]
    assert json.dumps(fast) == json.dumps(slow)
    first = next(row for row in fast if row["id"] == catalogue[0])
    assert any(item["image"].startswith("http://campus.example/") for item in first["items"])

    items = [item for s in details for item in s.active_items]
    assert as_json(ServiceItemSerializer(items, many=True, context=context())) == as_json(
        plain(ServiceItemSerializer)(items, many=True, context=context())
    )


def test_vendor_profiles_are_identical(catalogue):
    from catalogue.models import VendorProfile

    profiles = list(VendorProfile.objects.all())
    VendorProfileFactory(website="https://shop.example", phone="")
    profiles = list(VendorProfile.objects.all())
    assert as_json(VendorProfileSerializer(profiles, many=True, context=context())) == as_json(
        plain(VendorProfileSerializer)(profiles, many=True, context=context())
    )


def test_each_request_gets_its_own_absolute_urls(catalogue):
    service = Service.objects.get(pk=catalogue[0])
    first = ServiceSerializer(service, context=context()).data["images"]
    other = {"request": APIRequestFactory().get("/", HTTP_HOST="other.example")}
    second = ServiceSerializer(service, context=other).data["images"]

    assert first.startswith("http://campus.example/")
    assert second.startswith("http://other.example/")
