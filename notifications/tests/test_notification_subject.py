"""What a notification is about is one generic subject (an order or a
booking), answered as the ``order`` and ``booking`` ids the API always gave,
at no query per row, and gone with its subject."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bookings.tests.factories import BookingFactory
from catalogue.tests.factories import ServiceFactory
from conftest import client_for
from notifications.models import EmailOutbox, Notification
from notifications.services import notification_create
from notifications.tests.factories import NotificationFactory
from orders.tests.factories import OrderFactory

pytestmark = pytest.mark.django_db

LIST_URL = "/api/notifications/"


def notify(recipient, subject=None, *, email_to=""):
    service = getattr(subject, "service", None)
    return notification_create(
        recipient_id=recipient.pk,
        actor_id=None,
        kind="order_status",
        title="Something happened",
        body="To you.",
        subject=subject,
        service=service,
        email_to=email_to,
    )


def a_booking():
    return BookingFactory(start=timezone.now() + timedelta(days=1))


def test_the_list_answers_the_subject_as_order_and_booking_ids(student):
    order, booking = OrderFactory(), a_booking()
    about_order, about_booking = notify(student, order), notify(student, booking)
    about_nothing = notify(student)

    listed = client_for(student).get(LIST_URL).json()["results"]

    assert [(n["id"], n["order"], n["booking"], n["service"]) for n in listed] == [
        (about_nothing.pk, None, None, None),
        (about_booking.pk, None, booking.pk, booking.service_id),
        (about_order.pk, order.pk, None, order.service_id),
    ]


def test_the_list_costs_the_same_queries_however_many_subjects(student):
    client = client_for(student)
    notify(student, OrderFactory())

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(LIST_URL).status_code == 200
        return len(captured)

    one = queries()
    for _ in range(3):
        notify(student, OrderFactory())
        notify(student, a_booking())

    assert queries() == one


def test_deleting_an_order_deletes_its_notifications_and_their_emails(student):
    order, other = OrderFactory(), OrderFactory()
    gone = notify(student, order, email_to=student.email)
    kept = notify(student, other)

    order.delete()

    assert list(Notification.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not EmailOutbox.objects.filter(notification_id=gone.pk).exists()
    assert client_for(student).get(LIST_URL).status_code == 200


def test_deleting_a_booking_deletes_its_notifications_only(student):
    booking = a_booking()
    notify(student, booking)
    # An order with the booking's id is another subject: its notification stays.
    same_id = OrderFactory(pk=booking.pk)
    kept = notify(student, same_id)

    booking.delete()

    assert list(Notification.objects.values_list("pk", flat=True)) == [kept.pk]
    listed = client_for(student).get(LIST_URL).json()["results"]
    assert [(n["order"], n["booking"]) for n in listed] == [(same_id.pk, None)]


def test_about_finds_the_notifications_of_one_subject(student):
    order = OrderFactory()
    mine = notify(student, order)
    notify(student, OrderFactory())

    assert list(Notification.objects.about(order)) == [mine]


def test_a_model_that_is_no_subject_is_refused(student):
    with pytest.raises(ValueError, match="cannot be the subject"):
        notify(student, ServiceFactory())


@pytest.mark.parametrize(
    "half", [{"subject_type": "order"}, {"subject_id": 7}], ids=["type-only", "id-only"]
)
def test_the_database_refuses_half_a_subject(student, half):
    with pytest.raises(IntegrityError), transaction.atomic():
        NotificationFactory(recipient=student, **half)
