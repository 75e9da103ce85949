"""The contract's hidden vendor: account or profile deactivated by an admin.

Everything of theirs leaves every public read, nobody can order or review
there (400 saying why), and the vendor cannot lift the ban by deleting or
replacing the deactivated profile (403)."""

import pytest
from django.test import Client

from catalogue.api.caching import LOCAL_ANSWERS
from catalogue.locks import lock_service
from catalogue.models import Service
from catalogue.selectors import hidden_vendor_q
from catalogue.tests.factories import ServiceFactory, ServiceItemFactory, VendorProfileFactory
from conftest import client_for
from orders.models import Order
from reviews.models import Review
from reviews.tests.factories import ReviewFactory
from users.tests.factories import AdminFactory, StudentFactory, VendorFactory

pytestmark = pytest.mark.django_db

HIDDEN = (
    "This service's vendor is suspended by the campus administration; "
    "their services cannot be ordered, booked or reviewed."
)
DEACTIVATED = (
    "Your vendor profile was deactivated by an administrator; only an administrator "
    "can reactivate it, and it can be neither deleted nor replaced meanwhile."
)


@pytest.fixture
def shop(vendor):
    profile = VendorProfileFactory(user=vendor, business_name="Night Owl Noodles")
    service = ServiceFactory(vendor=vendor, service_name="Noodles", description="Hot noodles")
    item = ServiceItemFactory(service=service, name="Ramen")
    review = ReviewFactory(service=service, user=StudentFactory())
    return profile, service, item, review


def deactivate_profile(admin_client, profile):
    response = admin_client.patch(
        f"/api/vendor-profiles/{profile.pk}/", {"is_active": False}, format="json"
    )
    assert response.status_code == 200, response.json()


def hide(how, admin_client, profile):
    if how == "profile":
        deactivate_profile(admin_client, profile)
    else:
        profile.user.is_active = False
        profile.user.save()


def order_body(service, item):
    return {"service": service.pk, "items": [{"service_item": item.pk, "quantity": 1}]}


def ids(response):
    return [row["id"] for row in response.json()["results"]]


@pytest.mark.parametrize("how", ["profile", "account"])
def test_a_hidden_vendor_disappears_from_every_public_read(api, admin_client, shop, how):
    profile, service, item, review = shop
    hide(how, admin_client, profile)
    student = client_for(StudentFactory())

    for client in (api, student):
        assert ids(client.get("/api/services/")) == []
        assert ids(client.get("/api/services/?search=noodles")) == []
        assert ids(client.get("/api/services/by_type/?type=ordering")) == []
        assert ids(client.get("/api/services/by_category/?category=food")) == []
        assert client.get(f"/api/services/{service.pk}/").status_code == 404
        assert client.get(f"/api/services/{service.pk}/items/").status_code == 404
        assert client.get(f"/api/services/{service.pk}/items/{item.pk}/").status_code == 404
        assert client.get(f"/api/services/{service.pk}/reviews/").status_code == 404
        assert ids(client.get("/api/vendor-profiles/")) == []
        assert client.get(f"/api/vendor-profiles/{profile.pk}/").status_code == 404
        assert ids(client.get("/api/reviews/")) == []
        assert ids(client.get(f"/api/reviews/?service={service.pk}")) == []
        assert client.get(f"/api/reviews/{review.pk}/").status_code == 404


@pytest.mark.parametrize("how", ["profile", "account"])
def test_nobody_can_order_from_or_review_a_hidden_vendor(admin_client, shop, how):
    profile, service, item, _ = shop
    hide(how, admin_client, profile)
    student = client_for(StudentFactory())

    ordered = student.post("/api/orders/", order_body(service, item), format="json")
    reviewed = student.post("/api/reviews/", {"service": service.pk, "rating": 5}, format="json")

    assert (ordered.status_code, ordered.json()) == (400, {"service": [HIDDEN]})
    assert (reviewed.status_code, reviewed.json()) == (400, {"service": [HIDDEN]})
    assert Order.objects.count() == 0
    assert Review.objects.count() == 1


def test_an_existing_review_cannot_be_changed_while_the_vendor_is_hidden(admin_client, shop):
    profile, _service, _, review = shop
    deactivate_profile(admin_client, profile)
    author = client_for(review.user)

    changed = author.patch(f"/api/reviews/{review.pk}/", {"rating": 1}, format="json")
    deleted = author.delete(f"/api/reviews/{review.pk}/")

    assert (changed.status_code, changed.json()) == (400, {"service": [HIDDEN]})
    assert deleted.status_code == 204


def test_the_ban_cannot_be_dodged_by_deleting_or_replacing_the_profile(
    admin_client, vendor_client, shop
):
    profile, service, item, _ = shop
    deactivate_profile(admin_client, profile)

    deleted = vendor_client.delete(f"/api/vendor-profiles/{profile.pk}/")
    created = vendor_client.post(
        "/api/vendor-profiles/", {"business_name": "Fresh Start"}, format="json"
    )

    assert (deleted.status_code, deleted.json()) == (403, {"detail": DEACTIVATED})
    assert (created.status_code, created.json()) == (403, {"detail": DEACTIVATED})
    profile.refresh_from_db()
    assert profile.is_active is False
    student = client_for(StudentFactory())
    ordered = student.post("/api/orders/", order_body(service, item), format="json")
    assert ordered.status_code == 400
    assert ids(student.get("/api/services/")) == []


def test_an_admin_lifting_the_ban_makes_everything_public_again(api, admin_client, shop):
    profile, service, item, review = shop
    deactivate_profile(admin_client, profile)

    response = admin_client.patch(
        f"/api/vendor-profiles/{profile.pk}/", {"is_active": True}, format="json"
    )

    assert response.status_code == 200
    assert ids(api.get("/api/services/")) == [service.pk]
    assert ids(api.get("/api/reviews/")) == [review.pk]
    student = client_for(StudentFactory())
    assert student.post("/api/orders/", order_body(service, item), format="json").status_code == 201


def test_the_hidden_vendor_still_sees_and_manages_their_own_services(
    admin_client, vendor_client, shop
):
    profile, service, _item, review = shop
    deactivate_profile(admin_client, profile)

    assert ids(vendor_client.get("/api/services/")) == [service.pk]
    assert vendor_client.get(f"/api/services/{service.pk}/").status_code == 200
    assert vendor_client.get(f"/api/services/{service.pk}/items/").status_code == 200
    assert ids(vendor_client.get(f"/api/services/{service.pk}/reviews/")) == [review.pk]
    assert vendor_client.get(f"/api/vendor-profiles/{profile.pk}/").status_code == 200
    renamed = vendor_client.patch(
        f"/api/services/{service.pk}/", {"service_name": "Noodles 2"}, format="json"
    )
    assert renamed.status_code == 200


def test_admins_still_see_a_hidden_vendors_service_and_reviews(admin_client, shop):
    profile, service, _, review = shop
    deactivate_profile(admin_client, profile)

    assert admin_client.get(f"/api/services/{service.pk}/").status_code == 200
    assert admin_client.get(f"/api/vendor-profiles/{profile.pk}/").status_code == 200
    assert ids(admin_client.get("/api/reviews/")) == [review.pk]


def test_a_vendor_with_an_active_profile_can_still_delete_and_recreate_it(vendor_client, shop):
    profile = shop[0]

    assert vendor_client.delete(f"/api/vendor-profiles/{profile.pk}/").status_code == 204
    created = vendor_client.post("/api/vendor-profiles/", {"business_name": "New"}, format="json")
    assert created.status_code == 201
    assert created.json()["is_active"] is True


@pytest.mark.parametrize("account_active", [True, False])
@pytest.mark.parametrize("profile", ["none", "active", "inactive"])
def test_the_lock_reads_the_same_hidden_state_as_the_query_rule(account_active, profile):
    """``lock_service(with_vendor=True)`` decides "hidden" in memory from the
    rows it read; it must agree with ``hidden_vendor_q`` in every case."""
    vendor = VendorFactory(is_active=account_active)
    if profile != "none":
        VendorProfileFactory(user=vendor, is_active=profile == "active")
    service = ServiceFactory(vendor=vendor)

    locked = lock_service(service.pk, with_vendor=True)

    by_query = Service.objects.filter(pk=service.pk).filter(hidden_vendor_q()).exists()
    assert (locked.vendor_hidden is not None) is by_query
    assert by_query is (not account_active or profile == "inactive")


def deactivate_account_in_the_admin(user):
    """The only way an admin deactivates an account: the Django admin's form."""
    site = Client()
    site.force_login(AdminFactory(is_superuser=True))
    response = site.post(
        f"/admin/users/user/{user.pk}/change/",
        {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "phone_number": user.phone_number,
            "user_type": "vendor",
        },  # "is_active" left out: the box unticked
    )
    assert response.status_code == 302


@pytest.mark.parametrize("how", ["profile", "account"])
def test_a_ban_makes_the_answers_each_process_kept_stale(
    api, admin_client, shop, how, django_capture_on_commit_callbacks
):
    """Public reads answered before the ban, the second time from this
    process's copy (catalogue.api.caching): after the ban none is served."""
    profile, service, item, _ = shop
    lists = ["/api/services/", "/api/services/by_type/?type=ordering", "/api/vendor-profiles/"]
    details = [f"/api/services/{service.pk}/", f"/api/services/{service.pk}/items/{item.pk}/"]
    LOCAL_ANSWERS.clear()  # the copies earlier tests left (of older versions)
    for url in lists + details:
        assert api.get(url).status_code == 200
        assert api.get(url).status_code == 200
    assert len(LOCAL_ANSWERS._entries) == len(lists + details)

    with django_capture_on_commit_callbacks(execute=True):
        if how == "profile":
            deactivate_profile(admin_client, profile)
        else:
            deactivate_account_in_the_admin(profile.user)

    for url in lists:
        assert ids(api.get(url)) == [], url
    for url in details:
        assert api.get(url).status_code == 404, url
