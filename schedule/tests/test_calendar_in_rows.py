"""``with_calendar``: a list reads each service's periods and closures with
its rows, and computes the same opening state as the calendar read apart."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from catalogue.models import Service
from catalogue.tests.factories import ServiceFactory
from schedule import selectors
from schedule.models import Closure, WeeklyPeriod

pytestmark = pytest.mark.django_db


@pytest.fixture
def services():
    today = date.today()
    past_midnight = ServiceFactory(service_name="Night owl")
    for weekday in range(7):
        WeeklyPeriod.objects.create(
            service=past_midnight, weekday=weekday, opens=time(20), closes=time(2)
        )
    closed_today = ServiceFactory(service_name="Holiday")
    WeeklyPeriod.objects.create(service=closed_today, weekday=0, opens=time(8), closes=time(12))
    WeeklyPeriod.objects.create(service=closed_today, weekday=0, opens=time(13), closes=time(17))
    Closure.objects.create(service=closed_today, starts_on=today, ends_on=today, reason="Exams")
    Closure.objects.create(
        service=closed_today,
        starts_on=today - timedelta(days=30),
        ends_on=today - timedelta(days=20),
    )
    no_hours = ServiceFactory(service_name="Always")
    return [past_midnight, closed_today, no_hours]


@pytest.mark.parametrize("hour", [0, 1, 3, 9, 21])
def test_rows_read_with_their_calendar_open_as_when_read_apart(services, hour):
    now = datetime.combine(date.today(), time(hour), tzinfo=UTC)
    rows = list(selectors.with_calendar(Service.objects.order_by("pk")))

    for row, service in zip(rows, services, strict=True):
        apart = Service.objects.get(pk=service.pk)
        assert selectors.opening(row, now=now) == selectors.opening(apart, now=now)
        assert selectors.periods_of(row) == [
            (p.id, p.weekday, p.opens, p.closes) for p in selectors.periods_of(apart)
        ]
        assert [(c.id, c.starts_on, c.ends_on, c.reason) for c in selectors.closures_of(row)] == [
            (c.id, c.starts_on, c.ends_on, c.reason) for c in selectors.closures_of(apart)
        ]


def test_the_calendar_costs_no_query_of_its_own(services, django_assert_num_queries):
    with django_assert_num_queries(1):
        rows = list(selectors.with_calendar(Service.objects.order_by("pk")))
        states = [selectors.opening(row) for row in rows]
    assert len(states) == 3
    assert [len(selectors.periods_of(row)) for row in rows] == [7, 2, 0]
    # The closure that ended weeks ago is not carried.
    assert [len(selectors.closures_of(row)) for row in rows] == [0, 1, 0]
