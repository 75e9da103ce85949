"""One Idempotency-Key table for orders and bookings: scopes, purchases that
are gone, an unfinished first request, fingerprints, cleanup and the admin."""

import hashlib
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from bookings.models import Booking
from bookings.services import request_fingerprint as booking_fingerprint
from orders.lines import request_fingerprint as order_fingerprint
from orders.models import Order
from purchases.idempotency import given, request_fingerprint
from purchases.models import IdempotencyKey

from .helpers import post

pytestmark = pytest.mark.django_db

MODELS = {"order": Order, "booking": Booking}
SCOPES = list(MODELS)


def test_one_key_may_name_an_order_and_a_booking(student_client, bodies):
    order = post(student_client, "order", bodies["order"](), "tap")
    booking = post(student_client, "booking", bodies["booking"](), "tap")

    assert order[0] == booking[0] == 201
    keys = IdempotencyKey.objects.order_by("scope").values_list("scope", "purchase_id")
    assert list(keys) == [("booking", booking[1]["id"]), ("order", order[1]["id"])]


@pytest.mark.parametrize("scope", SCOPES)
def test_a_key_whose_purchase_was_deleted_makes_a_new_one(student_client, bodies, scope):
    """Before one table, deleting the purchase took its key along (a foreign
    key); the key is now a plain id, and a retry is still a new request."""
    status, first = post(student_client, scope, bodies[scope](), "tap")
    assert status == 201
    MODELS[scope].objects.filter(pk=first["id"]).delete()

    status, again = post(student_client, scope, bodies[scope](), "tap")

    assert status == 201
    assert again["id"] != first["id"]
    assert IdempotencyKey.objects.get().purchase_id == again["id"]
    assert post(student_client, scope, bodies[scope](), "tap") == (200, again)


@pytest.mark.parametrize("scope", SCOPES)
def test_a_key_without_its_purchase_yet_is_a_409_and_changes_nothing(student_client, bodies, scope):
    post(student_client, scope, bodies[scope](), "tap")
    IdempotencyKey.objects.update(purchase_id=None)  # as while the first request runs

    status, body = post(student_client, scope, bodies[scope](), "tap")

    assert status == 409
    assert body == {
        "detail": "The first request with this Idempotency-Key has not finished; retry shortly."
    }
    assert MODELS[scope].objects.count() == 1


@pytest.mark.parametrize("scope", SCOPES)
def test_the_same_key_with_another_body_is_a_422_in_each_scope(student_client, bodies, scope):
    post(student_client, scope, bodies[scope](1), "tap")

    status, body = post(student_client, scope, bodies[scope](2), "tap")

    assert status == 422
    assert body == {"detail": "This Idempotency-Key was used with a different request."}
    assert MODELS[scope].objects.count() == 1


def digest(canonical: str) -> str:
    return hashlib.sha256(canonical.encode()).hexdigest()


def test_a_fingerprint_is_canonical_json_whatever_the_argument_order():
    assert request_fingerprint(b=[1, 2], a="x") == request_fingerprint(a="x", b=[1, 2])
    assert request_fingerprint(a="x", b=[1, 2]) == digest('{"a":"x","b":[1,2]}')
    assert given(a=None, b=0, c="") == {"b": 0, "c": ""}


def test_keys_stored_before_one_table_still_match_their_requests():
    """The digests are those the orders and bookings code computed, so a retry
    of a request sent before the move is still a replay, not a 422."""
    assert order_fingerprint(
        service_id=3, merged={(7, ()): 2}, special_instructions="", delivery_address="Hall B"
    ) == digest(
        '{"delivery_address":"Hall B","items":[[7,2]],"service":3,"special_instructions":""}'
    )
    assert booking_fingerprint(
        service_id=3, start=datetime(2026, 1, 2, 10, tzinfo=UTC), service_item_id=None, notes=""
    ) == digest('{"notes":"","service":3,"service_item":null,"start":"2026-01-02T10:00:00+00:00"}')


@pytest.mark.parametrize(
    "command", ["cleanup_idempotency_keys", "cleanup_booking_idempotency_keys"]
)
def test_one_cleanup_forgets_old_keys_of_both_scopes(student_client, bodies, command):
    for scope in SCOPES:
        post(student_client, scope, bodies[scope](1), "old")
        post(student_client, scope, bodies[scope](2), "fresh")
    IdempotencyKey.objects.filter(key="old").update(created_at=timezone.now() - timedelta(hours=25))
    out = StringIO()

    call_command(command, stdout=out)

    assert sorted(IdempotencyKey.objects.values_list("scope", "key")) == [
        ("booking", "fresh"),
        ("order", "fresh"),
    ]
    assert out.getvalue().strip() == "Deleted 2 idempotency key(s) older than 24 hours."
    assert Order.objects.count() == Booking.objects.count() == 2
    with pytest.raises(CommandError):
        call_command(command, "--hours", "23", stdout=StringIO())


@pytest.fixture
def site_admin(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser(email="root@campus.test"))
    return client


def test_the_admin_lists_keys_and_cannot_add_or_change_them(site_admin, student_client, bodies):
    post(student_client, "booking", bodies["booking"](), "tap")
    key = IdempotencyKey.objects.get()

    listing = site_admin.get("/admin/purchases/idempotencykey/?scope=booking")

    assert listing.status_code == 200
    assert "tap" in listing.content.decode()
    assert site_admin.get("/admin/purchases/idempotencykey/add/").status_code == 403
    change = site_admin.post(f"/admin/purchases/idempotencykey/{key.pk}/change/", {"key": "x"})
    assert change.status_code == 403
    assert IdempotencyKey.objects.get().key == "tap"
