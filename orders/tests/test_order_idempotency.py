from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from conftest import client_for
from orders.models import Order, OrderEvent, OrderItem
from purchases.models import IdempotencyKey
from users.tests.factories import StudentFactory

from .helpers import ORDERS_URL

pytestmark = pytest.mark.django_db


@pytest.fixture
def body(menu):
    service, burger, fries = menu
    return {
        "service": service.pk,
        "items": [
            {"service_item": burger.pk, "quantity": 2},
            {"service_item": fries.pk, "quantity": 1},
        ],
        "delivery_address": "Hall B",
    }


def post(client, body, key):
    return client.post(ORDERS_URL, body, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_retry_with_the_same_key_returns_the_first_order(student_client, body):
    first = post(student_client, body, "checkout-1")
    retry = post(student_client, body, "checkout-1")

    assert first.status_code == 201
    assert retry.status_code == 200
    assert retry.json() == first.json()
    assert Order.objects.count() == 1
    assert OrderItem.objects.count() == 2
    assert OrderEvent.objects.count() == 1
    assert IdempotencyKey.objects.get().purchase_id == first.json()["id"]


def test_retry_with_lines_reordered_or_split_is_the_same_request(student_client, body, menu):
    _, burger, fries = menu
    first = post(student_client, body, "checkout-1")
    reshuffled = {
        **body,
        "items": [
            {"service_item": fries.pk, "quantity": 1},
            {"service_item": burger.pk, "quantity": 1},
            {"service_item": burger.pk, "quantity": 1, "unit_price": "0.01"},
        ],
    }

    retry = post(student_client, reshuffled, "checkout-1")

    assert retry.status_code == 200
    assert retry.json()["id"] == first.json()["id"]
    assert Order.objects.count() == 1


def test_retry_returns_the_order_as_it_is_now(student_client, vendor_client, body):
    first = post(student_client, body, "checkout-1")
    vendor_client.post(
        f"{ORDERS_URL}{first.json()['id']}/update_status/", {"order_status": "confirmed"}
    )

    retry = post(student_client, body, "checkout-1")

    assert retry.status_code == 200
    assert retry.json()["order_status"] == "confirmed"


@pytest.mark.parametrize("change", ["removed", "paused"])
def test_retry_after_the_service_was_removed_or_closed_still_returns_the_first_order(
    student_client, body, menu, change
):
    """The key decides before the service is read: a retry is answered with
    what the first request did, whatever happened to the service since."""
    service, _, _ = menu
    first = post(student_client, body, "checkout-1")
    if change == "removed":
        service.is_active = False
    else:
        service.paused_until = timezone.now() + timedelta(hours=1)
    service.save()

    retry = post(student_client, body, "checkout-1")
    fresh = post(student_client, body, "checkout-2")

    assert retry.status_code == 200
    assert retry.json()["id"] == first.json()["id"]
    assert fresh.status_code == 400  # the change does refuse a new order
    assert Order.objects.count() == 1


def test_an_unknown_service_is_refused_with_a_key_and_keeps_no_key(student_client, body):
    body = {**body, "service": 999999}

    response = post(student_client, body, "checkout-1")

    assert response.status_code == 400
    assert response.json() == {"service": ['Invalid pk "999999" - object does not exist.']}
    assert not IdempotencyKey.objects.exists()
    assert Order.objects.count() == 0


def test_a_400_names_the_unknown_service_beside_the_other_fields_at_fault(student_client, body):
    response = post(student_client, {**body, "service": 999999, "items": []}, "checkout-1")

    assert response.status_code == 400
    assert list(response.json()) == ["service", "items"]
    assert response.json()["service"] == ['Invalid pk "999999" - object does not exist.']


def test_same_key_with_a_different_body_is_refused_with_422(student_client, body):
    post(student_client, body, "checkout-1")

    response = post(student_client, {**body, "delivery_address": "Hall C"}, "checkout-1")

    assert response.status_code == 422
    assert response.json() == {"detail": "This Idempotency-Key was used with a different request."}
    assert Order.objects.count() == 1
    assert OrderItem.objects.count() == 2


def test_keys_are_scoped_per_user(student_client, body):
    other_client = client_for(StudentFactory())

    first = post(student_client, body, "checkout-1")
    second = post(other_client, body, "checkout-1")

    assert first.status_code == second.status_code == 201
    assert first.json()["id"] != second.json()["id"]
    assert IdempotencyKey.objects.count() == 2


def test_without_a_key_every_post_places_an_order(student_client, body):
    student_client.post(ORDERS_URL, body, format="json")
    student_client.post(ORDERS_URL, body, format="json")

    assert Order.objects.count() == 2
    assert IdempotencyKey.objects.count() == 0


def test_a_refused_order_keeps_no_key_so_a_fixed_retry_can_succeed(student_client, body, menu):
    _, _, fries = menu
    fries.is_available = False
    fries.save()

    refused = post(student_client, body, "checkout-1")
    assert refused.status_code == 400
    assert IdempotencyKey.objects.count() == 0
    assert Order.objects.count() == 0

    fries.is_available = True
    fries.save()
    retry = post(student_client, body, "checkout-1")

    assert retry.status_code == 201
    assert Order.objects.count() == 1


@pytest.mark.parametrize("key", ["", "   ", "k" * 256])
def test_empty_or_too_long_key_is_refused(student_client, body, key):
    response = post(student_client, body, key)

    assert response.status_code == 400
    assert response.json() == {"detail": "The Idempotency-Key header must be 1 to 255 characters."}
    assert Order.objects.count() == 0


def test_a_255_character_key_is_accepted(student_client, body):
    first = post(student_client, body, "k" * 255)
    retry = post(student_client, body, "k" * 255)

    assert first.status_code == 201
    assert retry.status_code == 200
    assert Order.objects.count() == 1


def test_cleanup_command_deletes_keys_older_than_24_hours(student_client, body):
    post(student_client, body, "old")
    post(student_client, {**body, "delivery_address": "elsewhere"}, "fresh")
    IdempotencyKey.objects.filter(key="old").update(created_at=timezone.now() - timedelta(hours=25))
    out = StringIO()

    call_command("cleanup_idempotency_keys", stdout=out)

    assert list(IdempotencyKey.objects.values_list("key", flat=True)) == ["fresh"]
    assert out.getvalue().strip() == "Deleted 1 idempotency key(s) older than 24 hours."
    assert Order.objects.count() == 2


def test_cleanup_command_honours_hours_and_refuses_less_than_a_day(student_client, body):
    post(student_client, body, "two-days")
    IdempotencyKey.objects.update(created_at=timezone.now() - timedelta(hours=30))

    call_command("cleanup_idempotency_keys", "--hours", "48", stdout=StringIO())
    assert IdempotencyKey.objects.count() == 1

    with pytest.raises(CommandError):
        call_command("cleanup_idempotency_keys", "--hours", "1", stdout=StringIO())
    assert IdempotencyKey.objects.count() == 1
