"""A service has at most 100 closures that have not ended (the contract's
limit against abuse): the 101st is a 400, ended ones do not count, and
parallel additions cannot pass the limit (PostgreSQL, real parallel requests)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from catalogue.tests.factories import ServiceFactory
from conftest import client_for
from schedule.models import Closure
from schedule.services import MAX_OPEN_CLOSURES
from tests.races import race

AMS = ZoneInfo("Europe/Amsterdam")
NOON = datetime(2026, 6, 1, 12, 0, tzinfo=AMS)
TODAY = NOON.date()


@pytest.fixture(autouse=True)
def fixed_clock(settings, monkeypatch):
    settings.TIME_ZONE = "Europe/Amsterdam"
    monkeypatch.setattr("schedule.clock.now", lambda: NOON)


def closures_of(service, count: int, first: date) -> None:
    Closure.objects.bulk_create(
        Closure(
            service=service, starts_on=first + timedelta(days=n), ends_on=first + timedelta(days=n)
        )
        for n in range(count)
    )


def body(day: date) -> dict:
    return {"starts_on": day.isoformat(), "ends_on": day.isoformat()}


def url(service) -> str:
    return f"/api/services/{service.pk}/closures/"


@pytest.mark.django_db
def test_the_101st_closure_not_ended_is_refused(vendor):
    service = ServiceFactory(vendor=vendor)
    closures_of(service, MAX_OPEN_CLOSURES - 1, TODAY)
    client = client_for(vendor)

    assert (
        client.post(url(service), body(TODAY + timedelta(days=200)), format="json").status_code
        == 201
    )
    refused = client.post(url(service), body(TODAY + timedelta(days=201)), format="json")

    assert refused.status_code == 400
    assert "100 closures" in refused.json()["detail"]
    assert Closure.objects.filter(service=service).count() == MAX_OPEN_CLOSURES


@pytest.mark.django_db
def test_ended_closures_do_not_count_against_the_limit(vendor):
    service = ServiceFactory(vendor=vendor)
    closures_of(service, MAX_OPEN_CLOSURES, TODAY - timedelta(days=400))
    closures_of(service, MAX_OPEN_CLOSURES - 1, TODAY)

    response = client_for(vendor).post(
        url(service), body(TODAY + timedelta(days=300)), format="json"
    )

    assert response.status_code == 201


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_closures_never_pass_the_limit(vendor):
    service = ServiceFactory(vendor=vendor)
    closures_of(service, MAX_OPEN_CLOSURES - 2, TODAY)

    results = race(
        [
            (
                client_for(vendor),
                "post",
                url(service),
                body(TODAY + timedelta(days=150 + n)),
                "json",
            )
            for n in range(6)
        ]
    )

    assert sorted(code for code, _ in results) == [201, 201, 400, 400, 400, 400]
    assert Closure.objects.filter(service=service).count() == MAX_OPEN_CLOSURES
