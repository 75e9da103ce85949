"""The admin shows periods, closures and slot counters; the counters are read-only."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.test import Client

from catalogue.tests.factories import ServiceFactory
from schedule.models import Closure, SlotUsage, WeeklyPeriod
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
