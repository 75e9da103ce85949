"""Vendor profiles: one per vendor, created by the vendor; the flags
is_verified / is_active belong to admins."""

import pytest

from catalogue.models import VendorProfile
from catalogue.tests.factories import VendorProfileFactory
from conftest import client_for
from users.tests.factories import VendorFactory

pytestmark = pytest.mark.django_db

FIELDS = {
    "id",
    "user",
    "business_name",
    "description",
    "business_hours",
    "address",
    "phone",
    "email",
    "website",
    "logo",
    "logo_variants",
    "is_verified",
    "verification_status",
    "verification_reason",
    "is_active",
    "created_at",
    "updated_at",
}


def test_vendor_creates_their_own_profile(vendor, vendor_client):
    response = vendor_client.post(
        "/api/vendor-profiles/",
        {
            "business_name": "Bean There",
            "website": "https://bean.example",
            "user": VendorFactory().pk,
            "is_verified": True,
            "is_active": False,
        },
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert set(body) == FIELDS
    assert (body["user"], body["is_verified"], body["is_active"], body["logo"]) == (
        vendor.pk,
        False,
        True,
        None,
    )
    assert VendorProfile.objects.get().user == vendor


def test_a_second_profile_is_400(vendor, vendor_client):
    VendorProfileFactory(user=vendor)

    response = vendor_client.post("/api/vendor-profiles/", {"business_name": "Again"})

    assert response.status_code == 400
    assert response.json() == {"detail": "You already have a vendor profile."}
    assert VendorProfile.objects.count() == 1


@pytest.mark.parametrize(
    "client_fixture, status", [("student_client", 403), ("admin_client", 403), ("api", 401)]
)
def test_only_vendors_create_profiles(request, client_fixture, status):
    client = request.getfixturevalue(client_fixture)

    assert client.post("/api/vendor-profiles/", {"business_name": "x"}).status_code == status


@pytest.mark.parametrize(
    "body, field",
    [
        ({}, "business_name"),
        ({"business_name": "B" * 201}, "business_name"),
        ({"business_name": "Ok", "website": "not a url"}, "website"),
        ({"business_name": "Ok", "email": "nope"}, "email"),
        ({"business_name": "Ok", "phone": "1" * 21}, "phone"),
        ({"business_name": "Ok", "description": "d" * 5001}, "description"),
    ],
)
def test_invalid_profiles_are_400_with_field_errors(vendor_client, body, field):
    response = vendor_client.post("/api/vendor-profiles/", body)

    assert response.status_code == 400
    assert field in response.json()


def test_list_shows_active_profiles_with_search_and_verification_filter(api):
    verified = VendorProfileFactory(business_name="Bean There", is_verified=True)
    unverified = VendorProfileFactory(business_name="Print Hub", address="Library basement")
    VendorProfileFactory(business_name="Bean Gone", is_active=False)
    VendorProfileFactory(business_name="Bean Closed", user=VendorFactory(is_active=False))

    def ids(query=""):
        response = api.get(f"/api/vendor-profiles/{query}")
        assert response.status_code == 200
        return {row["id"] for row in response.json()["results"]}

    assert ids() == {verified.pk, unverified.pk}
    assert ids("?search=bean") == {verified.pk}
    assert ids("?search=basement") == {unverified.pk}
    assert ids("?is_verified=true") == {verified.pk}
    assert ids("?is_verified=false") == {unverified.pk}
    assert api.get("/api/vendor-profiles/?is_verified=yes-ish").status_code == 400
    assert ids(f"?user={unverified.user_id}") == {unverified.pk}
    assert api.get("/api/vendor-profiles/?user=abc").status_code == 400


def test_anyone_reads_an_active_profile_but_not_an_inactive_one(api):
    active = VendorProfileFactory()
    inactive = VendorProfileFactory(is_active=False)

    assert api.get(f"/api/vendor-profiles/{active.pk}/").status_code == 200
    assert api.get(f"/api/vendor-profiles/{inactive.pk}/").status_code == 404
    assert client_for(inactive.user).get(f"/api/vendor-profiles/{inactive.pk}/").status_code == 200


def test_owner_updates_their_profile_but_not_the_admin_flags(vendor, vendor_client):
    profile = VendorProfileFactory(user=vendor)

    response = vendor_client.patch(
        f"/api/vendor-profiles/{profile.pk}/",
        {"business_name": "New Name", "is_verified": True, "is_active": False},
    )

    assert response.status_code == 200
    profile.refresh_from_db()
    assert (profile.business_name, profile.is_verified, profile.is_active) == (
        "New Name",
        False,
        True,
    )


def test_admin_verifies_and_deactivates_any_profile(admin_client, api):
    profile = VendorProfileFactory()

    response = admin_client.patch(
        f"/api/vendor-profiles/{profile.pk}/", {"is_verified": True, "is_active": False}
    )

    assert response.status_code == 200
    profile.refresh_from_db()
    assert (profile.is_verified, profile.is_active) == (True, False)
    assert api.get(f"/api/vendor-profiles/{profile.pk}/").status_code == 404


def test_others_cannot_change_or_delete_a_profile(student_client, admin_client):
    profile = VendorProfileFactory()
    url = f"/api/vendor-profiles/{profile.pk}/"

    for client in (client_for(VendorFactory()), student_client):
        assert client.patch(url, {"business_name": "Hijacked"}).status_code == 403
        assert client.delete(url).status_code == 403
    assert admin_client.delete(url).status_code == 403
    profile.refresh_from_db()
    assert profile.business_name != "Hijacked"


def test_owner_deletes_their_profile(vendor, vendor_client):
    profile = VendorProfileFactory(user=vendor)

    assert vendor_client.delete(f"/api/vendor-profiles/{profile.pk}/").status_code == 204
    assert not VendorProfile.objects.exists()


def test_put_is_not_offered(vendor, vendor_client):
    profile = VendorProfileFactory(user=vendor)

    response = vendor_client.put(f"/api/vendor-profiles/{profile.pk}/", {"business_name": "x"})

    assert response.status_code == 405
