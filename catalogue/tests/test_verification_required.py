"""REQUIRE_VENDOR_VERIFICATION (API.md, "Vendor verification"): when on, a
vendor who is not verified (or has no profile) is hidden like a suspended
one from everyone else, and their services take no orders, bookings or
reviews; when off, verification changes nothing. The setting is read at
each request, so cached SQL and cached answers follow it."""

import pytest

from bookings.tests.factories import BookingServiceFactory, open_every_day
from bookings.tests.helpers import BOOKINGS_URL, iso, tomorrow_at
from catalogue.api.service_views import ServiceViewSet
from catalogue.locks import lock_service
from catalogue.models import Service
from catalogue.selectors import hidden_vendor_q
from catalogue.services import VENDOR_UNVERIFIED
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from conftest import client_for
from orders.models import Order
from reviews.tests.factories import ReviewFactory
from users.tests.factories import AdminFactory, StudentFactory, VendorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["unverified profile", "no profile"])
def shop(request):
    """An unverified vendor's service with an item and a review."""
    vendor = VendorFactory()
    profile = None
    if request.param == "unverified profile":
        profile = VendorProfileFactory(user=vendor, business_name="Pending Pies", is_verified=False)
    service = ServiceFactory(vendor=vendor, service_name="Pies", description="Meat pies")
    item = ServiceItemFactory(service=service, name="Steak pie")
    review = ReviewFactory(service=service, user=StudentFactory())
    return {
        "vendor": vendor,
        "profile": profile,
        "service": service,
        "item": item,
        "review": review,
    }


@pytest.fixture
def verified_shop(db):
    profile = VendorProfileFactory(business_name="Proven Pies", is_verified=True)
    return ServiceFactory(vendor=profile.user, service_name="Verified pies")


@pytest.fixture(params=["public rows", "querysets"])
def read_path(request, monkeypatch):
    monkeypatch.setattr(ServiceViewSet, "public_rows", request.param == "public rows")


def ids(response):
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


def public_reads(client, shop) -> dict:
    service, item, review = shop["service"], shop["item"], shop["review"]
    reads = {
        "list": shop["service"].pk in ids(client.get("/api/services/")),
        "search": service.pk in ids(client.get("/api/services/?search=pies")),
        "by_type": service.pk in ids(client.get("/api/services/by_type/?type=ordering")),
        "detail": client.get(f"/api/services/{service.pk}/").status_code == 200,
        "items": client.get(f"/api/services/{service.pk}/items/").status_code == 200,
        "item": client.get(f"/api/services/{service.pk}/items/{item.pk}/").status_code == 200,
        "service reviews": client.get(f"/api/services/{service.pk}/reviews/").status_code == 200,
        "reviews": review.pk in ids(client.get("/api/reviews/")),
        "review": client.get(f"/api/reviews/{review.pk}/").status_code == 200,
    }
    if shop["profile"] is not None:
        profile = shop["profile"]
        reads["profiles"] = profile.pk in ids(client.get("/api/vendor-profiles/"))
        reads["profile"] = client.get(f"/api/vendor-profiles/{profile.pk}/").status_code == 200
    return reads


@pytest.mark.parametrize("required", [True, False])
def test_an_unverified_vendor_is_public_only_while_verification_is_not_required(
    api, settings, shop, verified_shop, read_path, required
):
    settings.REQUIRE_VENDOR_VERIFICATION = required
    student = client_for(StudentFactory())

    for client in (api, student):
        reads = public_reads(client, shop)
        assert reads == dict.fromkeys(reads, not required)
        assert verified_shop.pk in ids(client.get("/api/services/?search=pies"))


@pytest.mark.parametrize("required", [True, False])
def test_ordering_booking_and_reviewing_an_unverified_vendor(settings, shop, required):
    settings.REQUIRE_VENDOR_VERIFICATION = required
    student = client_for(StudentFactory())
    service, item = shop["service"], shop["item"]
    booking_service = BookingServiceFactory(vendor=shop["vendor"])
    open_every_day(booking_service)

    ordered = student.post(
        "/api/orders/",
        {"service": service.pk, "items": [{"service_item": item.pk, "quantity": 1}]},
        format="json",
    )
    booked = student.post(
        BOOKINGS_URL,
        {"service": booking_service.pk, "start": iso(tomorrow_at("10:00"))},
        format="json",
    )
    reviewed = client_for(StudentFactory()).post(
        "/api/reviews/", {"service": service.pk, "rating": 4}, format="json"
    )

    if required:
        refused = (400, {"service": [VENDOR_UNVERIFIED]})
        assert (ordered.status_code, ordered.json()) == refused
        assert (booked.status_code, booked.json()) == refused
        assert (reviewed.status_code, reviewed.json()) == refused
        assert Order.objects.count() == 0
    else:
        assert ordered.status_code == 201, ordered.json()
        assert booked.status_code == 201, booked.json()
        # A review needs a completed purchase or not, as the reviews app says:
        # what matters here is that the vendor's state is not the reason.
        assert reviewed.json() != {"service": [VENDOR_UNVERIFIED]}


def test_the_unverified_vendor_still_sees_and_edits_their_own_services(settings, shop):
    settings.REQUIRE_VENDOR_VERIFICATION = True
    owner = client_for(shop["vendor"])
    service = shop["service"]

    assert ids(owner.get("/api/services/")) == [service.pk]
    assert ids(owner.get("/api/services/?search=pies")) == [service.pk]
    assert owner.get(f"/api/services/{service.pk}/").status_code == 200
    assert owner.get(f"/api/services/{service.pk}/items/").status_code == 200
    renamed = owner.patch(f"/api/services/{service.pk}/", {"service_name": "Pies 2"}, format="json")
    assert renamed.status_code == 200
    if shop["profile"] is not None:
        assert owner.get(f"/api/vendor-profiles/{shop['profile'].pk}/").status_code == 200
    # An admin sees everything as before.
    admin = client_for(AdminFactory())
    assert admin.get(f"/api/services/{service.pk}/").status_code == 200


def test_turning_the_setting_on_or_off_is_seen_at_once_despite_caches(
    api, settings, shop, read_path
):
    """The cache keys and the per-connection SQL name the setting's value."""
    service = shop["service"]
    settings.REQUIRE_VENDOR_VERIFICATION = False
    assert service.pk in ids(api.get("/api/services/"))
    assert api.get(f"/api/services/{service.pk}/").status_code == 200

    settings.REQUIRE_VENDOR_VERIFICATION = True
    assert service.pk not in ids(api.get("/api/services/"))
    assert api.get(f"/api/services/{service.pk}/").status_code == 404

    settings.REQUIRE_VENDOR_VERIFICATION = False
    assert service.pk in ids(api.get("/api/services/"))


def test_verifying_the_vendor_makes_them_public(api, settings, shop):
    settings.REQUIRE_VENDOR_VERIFICATION = True
    if shop["profile"] is None:
        VendorProfileFactory(user=shop["vendor"], is_verified=True)
    else:
        admin = client_for(AdminFactory())
        response = admin.patch(
            f"/api/vendor-profiles/{shop['profile'].pk}/", {"is_verified": True}, format="json"
        )
        assert response.status_code == 200

    assert shop["service"].pk in ids(api.get("/api/services/?nocache=1"))


@pytest.mark.parametrize("required", [True, False])
@pytest.mark.parametrize("profile", ["none", "unverified", "verified", "inactive"])
def test_the_lock_reads_the_same_hidden_state_as_the_query_rule(settings, required, profile):
    settings.REQUIRE_VENDOR_VERIFICATION = required
    vendor = VendorFactory()
    if profile != "none":
        VendorProfileFactory(
            user=vendor, is_active=profile != "inactive", is_verified=profile == "verified"
        )
    service = ServiceFactory(vendor=vendor)

    locked = lock_service(service.pk, with_vendor=True)

    by_query = Service.objects.filter(pk=service.pk).filter(hidden_vendor_q()).exists()
    assert (locked.vendor_hidden is not None) is by_query
    expected = profile == "inactive" or (required and profile != "verified")
    assert by_query is expected
