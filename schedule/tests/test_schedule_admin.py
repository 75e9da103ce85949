"""The admin shows periods, closures and slot counters; the counters are read-only."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.test import Client
from rest_framework.test import APIClient

from catalogue.tests.factories import ServiceFactory
from schedule.models import Closure, SlotUsage, WeeklyPeriod
from schedule.selectors import campus_today
from users.tests.factories import AdminFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    client = Client()
    client.force_login(AdminFactory(is_superuser=True))
    return client


def test_schedule_lists_are_searchable_and_filterable(site):
    service = ServiceFactory(service_name="Grill")
    WeeklyPeriod.objects.create(service=service, weekday=0, opens=time(11), closes=time(14))
    Closure.objects.create(service=service, starts_on=date(2026, 6, 1), ends_on=date(2026, 6, 1))
    start = datetime(2026, 6, 1, 11, tzinfo=UTC)
    SlotUsage.objects.create(service=service, start=start, end=start + timedelta(minutes=15))
    for url in (
        "/admin/schedule/weeklyperiod/?q=grill&weekday=0",
        "/admin/schedule/closure/?q=grill",
        "/admin/schedule/slotusage/?q=grill",
    ):
        response = site.get(url)
        assert response.status_code == 200
        assert response.context["cl"].result_count == 1
    assert site.get(f"/admin/catalogue/service/{service.pk}/change/").status_code == 200
    assert site.get("/admin/schedule/slotusage/add/").status_code == 403


def _open_now(service) -> bool:
    response = APIClient().get(f"/api/services/{service.pk}/")
    assert response.status_code == 200
    return response.json()["open_now"]


def test_a_closure_added_and_deleted_on_its_own_admin_page_shows_at_once(
    site, django_capture_on_commit_callbacks
):
    service = ServiceFactory()  # no weekly hours: open whenever available
    assert _open_now(service) is True  # and now cached

    today = campus_today()
    with django_capture_on_commit_callbacks(execute=True):
        response = site.post(
            "/admin/schedule/closure/add/",
            {"service": service.pk, "starts_on": today, "ends_on": today, "reason": "Inventory"},
        )
    assert response.status_code == 302
    closure = Closure.objects.get(service=service)
    assert _open_now(service) is False

    with django_capture_on_commit_callbacks(execute=True):
        response = site.post(f"/admin/schedule/closure/{closure.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert _open_now(service) is True


def test_weekly_hours_added_on_their_own_admin_page_show_at_once(
    site, django_capture_on_commit_callbacks
):
    service = ServiceFactory()
    assert _open_now(service) is True

    another_day = (campus_today().weekday() + 3) % 7
    with django_capture_on_commit_callbacks(execute=True):
        response = site.post(
            "/admin/schedule/weeklyperiod/add/",
            {"service": service.pk, "weekday": another_day, "opens": "09:00", "closes": "10:00"},
        )
    assert response.status_code == 302
    assert _open_now(service) is False
