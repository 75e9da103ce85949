"""The admin shows notifications, the email outbox and stream tickets, read-only."""

import pytest

from notifications.models import EmailOutbox
from notifications.services import ticket_issue
from notifications.tests.factories import NotificationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, admin_user):
    admin_user.is_superuser = True
    admin_user.save(update_fields=["is_superuser"])
    client.force_login(admin_user)
    return client


def test_the_admin_lists_searches_and_filters_notifications(staff_client):
    notification = NotificationFactory(title="Order #77 is ready")
    EmailOutbox.objects.create(
        notification=notification, to="a@campus.test", subject="Order #77 is ready", body="x"
    )
    ticket_issue(user=notification.recipient)

    pages = [
        "/admin/notifications/notification/?q=%2377",
        "/admin/notifications/notification/?kind__exact=order_status&read_at__isnull=True",
        f"/admin/notifications/notification/{notification.pk}/change/",
        "/admin/notifications/emailoutbox/?sent_at__isnull=True",
        "/admin/notifications/eventticket/",
    ]
    for page in pages:
        response = staff_client.get(page)
        assert response.status_code == 200, page
    assert "Order #77 is ready" in staff_client.get(pages[0]).content.decode()
    assert staff_client.get("/admin/notifications/notification/add/").status_code == 403
