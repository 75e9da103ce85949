import pytest

from catalogue.tests.factories import ServiceFactory
from conftest import client_for
from orders.models import Order, OrderEvent, OrderStatus
from users.tests.factories import StudentFactory, VendorFactory

from .helpers import order_url, status_url

pytestmark = pytest.mark.django_db


def history(order_id):
    return list(
        OrderEvent.objects.filter(order_id=order_id).values_list("from_status", "to_status")
    )


def force_status(order_id, status):
    Order.objects.filter(pk=order_id).update(order_status=status)


def test_vendor_takes_an_order_from_pending_to_completed(vendor, vendor_client, student, place):
    order = place()

    for status in ["confirmed", "preparing", "ready", "delivering", "completed"]:
        response = vendor_client.post(status_url(order["id"]), {"order_status": status})
        assert response.status_code == 200, response.json()
        assert response.json()["order_status"] == status

    steps = response.json()["status_history"]
    assert [(s["from_status"], s["to_status"]) for s in steps] == [
        ("", "pending"),
        ("pending", "confirmed"),
        ("confirmed", "preparing"),
        ("preparing", "ready"),
        ("ready", "delivering"),
        ("delivering", "completed"),
    ]
    assert [s["changed_by"] for s in steps] == [student.pk] + [vendor.pk] * 5
    assert steps[1]["changed_by_name"] == vendor.get_full_name()
    assert Order.objects.get().order_status == "completed"


@pytest.mark.parametrize(
    ("current", "requested", "allowed"),
    [
        ("pending", "ready", "cancelled, confirmed"),
        ("pending", "pending", "cancelled, confirmed"),
        ("confirmed", "completed", "cancelled, preparing"),
        ("preparing", "cancelled", "ready"),
        ("ready", "pending", "completed, delivering"),
    ],
)
def test_illegal_vendor_transition_names_both_statuses(
    vendor_client, place, current, requested, allowed
):
    order = place()
    force_status(order["id"], current)

    response = vendor_client.post(status_url(order["id"]), {"order_status": requested})

    assert response.status_code == 400
    assert response.json() == {
        "order_status": [
            f"Cannot change status from '{current}' to '{requested}'. "
            f"From '{current}' it can go to: {allowed}."
        ]
    }
    assert Order.objects.get().order_status == current
    assert history(order["id"]) == [("", "pending")]


@pytest.mark.parametrize("final", ["completed", "cancelled"])
def test_completed_and_cancelled_orders_are_final(vendor_client, place, final):
    order = place()
    force_status(order["id"], final)

    response = vendor_client.post(status_url(order["id"]), {"order_status": "confirmed"})

    assert response.status_code == 400
    assert response.json() == {
        "order_status": [
            f"Cannot change status from '{final}' to 'confirmed'. A '{final}' order is final."
        ]
    }


def test_customer_can_cancel_a_pending_order(student, student_client, place):
    order = place()

    response = student_client.post(status_url(order["id"]), {"order_status": "cancelled"})

    assert response.status_code == 200
    assert response.json()["order_status"] == "cancelled"
    assert response.json()["status_history"][-1]["changed_by"] == student.pk
    assert history(order["id"]) == [("", "pending"), ("pending", "cancelled")]


def test_customer_cannot_confirm_their_own_order(student_client, place):
    order = place()

    response = student_client.post(status_url(order["id"]), {"order_status": "confirmed"})

    assert response.status_code == 400
    assert response.json() == {
        "order_status": [
            "Cannot change status from 'pending' to 'confirmed'. "
            "As the customer you may only cancel a pending order."
        ]
    }
    assert history(order["id"]) == [("", "pending")]


def test_customer_cannot_cancel_once_confirmed(student_client, vendor_client, place):
    order = place()
    vendor_client.post(status_url(order["id"]), {"order_status": "confirmed"})

    response = student_client.post(status_url(order["id"]), {"order_status": "cancelled"})

    assert response.status_code == 400
    assert "from 'confirmed' to 'cancelled'" in response.json()["order_status"][0]
    assert Order.objects.get().order_status == "confirmed"


def test_vendor_cannot_change_another_vendors_order(place):
    order = place()
    other_vendor = VendorFactory()
    ServiceFactory(vendor=other_vendor)

    response = client_for(other_vendor).post(status_url(order["id"]), {"order_status": "confirmed"})

    assert response.status_code == 404
    assert Order.objects.get().order_status == "pending"


def test_other_student_cannot_cancel_someone_elses_order(place):
    order = place()

    response = client_for(StudentFactory()).post(
        status_url(order["id"]), {"order_status": "cancelled"}
    )

    assert response.status_code == 404
    assert Order.objects.get().order_status == "pending"


def test_admin_sees_orders_but_cannot_change_them(admin_client, place):
    order = place()

    by_action = admin_client.post(status_url(order["id"]), {"order_status": "confirmed"})
    by_patch = admin_client.patch(order_url(order["id"]), {"delivery_address": "Hall Z"})

    assert admin_client.get(order_url(order["id"])).status_code == 200
    for response in (by_action, by_patch):
        assert response.status_code == 403
        assert response.json() == {
            "detail": "Only the service's vendor or the customer can change this order."
        }
    assert history(order["id"]) == [("", "pending")]


@pytest.mark.parametrize("value", ["shipped", "", None, 3, ["confirmed"]])
def test_unknown_status_value_is_refused(vendor_client, place, value):
    order = place()

    response = vendor_client.post(status_url(order["id"]), {"order_status": value}, format="json")

    assert response.status_code == 400
    assert "order_status" in response.json()
    assert history(order["id"]) == [("", "pending")]


def test_anonymous_cannot_change_status(api, place):
    order = place()

    assert api.post(status_url(order["id"]), {"order_status": "cancelled"}).status_code == 401


def test_patch_changes_status_with_the_same_rules(vendor_client, student_client, place):
    order = place()

    confirmed = vendor_client.patch(order_url(order["id"]), {"order_status": "confirmed"})
    illegal = student_client.patch(order_url(order["id"]), {"order_status": "cancelled"})

    assert confirmed.status_code == 200
    assert confirmed.json()["order_status"] == "confirmed"
    assert illegal.status_code == 400
    assert "from 'confirmed' to 'cancelled'" in illegal.json()["order_status"][0]
    assert history(order["id"]) == [("", "pending"), ("pending", "confirmed")]


def test_customer_edits_instructions_and_address_while_pending(student_client, place):
    order = place()

    response = student_client.patch(
        order_url(order["id"]),
        {"special_instructions": "Extra napkins", "delivery_address": "Hall C"},
    )

    assert response.status_code == 200
    assert response.json()["special_instructions"] == "Extra napkins"
    assert response.json()["delivery_address"] == "Hall C"
    assert Order.objects.get().delivery_address == "Hall C"


def test_customer_cannot_edit_once_the_order_is_confirmed(student_client, vendor_client, place):
    order = place(delivery_address="Hall B")
    vendor_client.post(status_url(order["id"]), {"order_status": "confirmed"})

    response = student_client.patch(order_url(order["id"]), {"delivery_address": "Hall C"})

    assert response.status_code == 400
    assert response.json() == {
        "delivery_address": [
            "Instructions and delivery address can only be changed while the order is "
            "pending (it is 'confirmed')."
        ]
    }
    assert Order.objects.get().delivery_address == "Hall B"


def test_vendor_cannot_edit_the_customers_instructions(vendor_client, place):
    order = place(special_instructions="No onions")

    response = vendor_client.patch(order_url(order["id"]), {"special_instructions": "Onions"})

    assert response.status_code == 403
    assert response.json() == {
        "detail": "Only the customer can change the instructions and delivery address."
    }
    assert Order.objects.get().special_instructions == "No onions"


def test_patch_is_all_or_nothing(student_client, place):
    order = place(delivery_address="Hall B")

    response = student_client.patch(
        order_url(order["id"]), {"delivery_address": "Hall C", "order_status": "confirmed"}
    )

    assert response.status_code == 400
    assert Order.objects.get().delivery_address == "Hall B"
    assert Order.objects.get().order_status == OrderStatus.PENDING


def test_customer_may_edit_and_cancel_in_one_patch(student_client, place):
    order = place()

    response = student_client.patch(
        order_url(order["id"]), {"special_instructions": "Never mind", "order_status": "cancelled"}
    )

    assert response.status_code == 200
    assert response.json()["order_status"] == "cancelled"
    assert response.json()["special_instructions"] == "Never mind"


def test_put_and_delete_are_not_allowed(student_client, place):
    order = place()

    assert student_client.put(order_url(order["id"]), {}).status_code == 405
    assert student_client.delete(order_url(order["id"])).status_code == 405
    assert Order.objects.count() == 1
