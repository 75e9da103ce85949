"""The Django admin: searchable, filterable lists; verify/deactivate actions;
deletions and uploads follow the API's file rules."""

import pytest
from django.test import Client

from catalogue.models import Service, VendorProfile
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from catalogue.tests.images import media_files, png_header_only, png_upload, upload
from users.tests.factories import AdminFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    client = Client()
    client.force_login(AdminFactory(is_superuser=True))
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/admin/catalogue/vendorprofile/?q=bean&is_verified__exact=1&is_active__exact=1",
        "/admin/catalogue/service/?q=pizza&category__exact=food&service_type__exact=ordering"
        "&is_active__exact=1&is_available__exact=1",
        "/admin/catalogue/serviceitem/?q=tea&is_active__exact=1&service__category__exact=food",
    ],
)
def test_admin_lists_are_searchable_and_filterable(site, url):
    profile = VendorProfileFactory(business_name="Bean There", is_verified=True)
    service = ServiceFactory(vendor=profile.user, service_name="Pizza")
    ServiceItemFactory(service=service, name="Tea")
    ServiceItemFactory(service__service_name="Gym", service__category="gym", name="Towel")
    VendorProfileFactory(business_name="Print Hub")

    response = site.get(url)

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


def test_admin_change_pages_open(site):
    item = ServiceItemFactory(service__vendor=VendorProfileFactory().user)
    profile = item.service.vendor.vendor_profile

    for url in (
        f"/admin/catalogue/vendorprofile/{profile.pk}/change/",
        f"/admin/catalogue/service/{item.service.pk}/change/",
        f"/admin/catalogue/serviceitem/{item.pk}/change/",
    ):
        assert site.get(url).status_code == 200


def test_verify_action_marks_profiles_verified(site):
    profile = VendorProfileFactory()

    # The action first asks for an (optional) reason, then decides.
    site.post(
        "/admin/catalogue/vendorprofile/",
        {"action": "verify", "_selected_action": [profile.pk], "apply": "1"},
    )

    profile = VendorProfile.objects.get(pk=profile.pk)
    assert (profile.is_verified, profile.verification_status) == (True, "verified")


def test_deactivating_a_vendor_hides_their_services_from_the_public_list(
    site, api, django_capture_on_commit_callbacks
):
    profile = VendorProfileFactory()
    ServiceFactory(vendor=profile.user)
    other = ServiceFactory()
    assert api.get("/api/services/").json()["count"] == 2

    with django_capture_on_commit_callbacks(execute=True):
        site.post(
            "/admin/catalogue/vendorprofile/",
            {"action": "deactivate", "_selected_action": [profile.pk]},
        )

    results = api.get("/api/services/").json()["results"]
    assert [row["id"] for row in results] == [other.pk]


def test_admin_deleting_a_service_removes_its_files(
    site, vendor_client, settings, django_capture_on_commit_callbacks
):
    created = vendor_client.post(
        "/api/services/",
        {
            "service_name": "Prints",
            "description": "A4 and A3",
            "category": "printing",
            "service_type": "walk_in",
            "images": png_upload(),
        },
        format="multipart",
    ).json()
    assert len(media_files(settings.MEDIA_ROOT)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = site.post(f"/admin/catalogue/service/{created['id']}/delete/", {"post": "yes"})

    assert response.status_code == 302
    assert not Service.objects.exists()
    assert media_files(settings.MEDIA_ROOT) == []


def test_admin_uploads_pass_the_same_image_checks(site, settings):
    profile = VendorProfileFactory()

    response = site.post(
        f"/admin/catalogue/vendorprofile/{profile.pk}/change/",
        {
            "user": profile.user.pk,
            "business_name": profile.business_name,
            "is_active": "on",
            "logo": upload(png_header_only(9000, 9000)),
        },
    )

    assert response.status_code == 200
    assert "pixels" in response.content.decode()
    assert media_files(settings.MEDIA_ROOT) == []
