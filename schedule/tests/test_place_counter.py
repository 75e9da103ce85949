"""The slot place counter: a conditional UPDATE decides who gets a place."""

from datetime import UTC, datetime, timedelta

import pytest

from catalogue.tests.factories import ServiceFactory
from schedule.models import SlotUsage
from schedule.services import SlotFull, release_place, take_place

pytestmark = pytest.mark.django_db

START = datetime(2026, 6, 1, 10, 0, tzinfo=UTC)
END = START + timedelta(minutes=15)


def test_places_are_taken_up_to_capacity_then_refused():
    service = ServiceFactory()
    for _ in range(3):
        take_place(service_id=service.pk, start=START, end=END, capacity=3)
    with pytest.raises(SlotFull) as refused:
        take_place(service_id=service.pk, start=START, end=END, capacity=3)
    assert refused.value.as_data() == {"pickup_at": ["This slot is full."]}
    assert SlotUsage.objects.get().taken == 3


def test_releasing_frees_a_place_and_never_goes_below_zero():
    service = ServiceFactory()
    take_place(service_id=service.pk, start=START, end=END, capacity=1)
    release_place(service_id=service.pk, start=START)
    take_place(service_id=service.pk, start=START, end=END, capacity=1)
    release_place(service_id=service.pk, start=START)
    release_place(service_id=service.pk, start=START)
    assert SlotUsage.objects.get().taken == 0


def test_unlimited_slots_still_count_and_caller_chooses_the_message():
    service = ServiceFactory()
    for _ in range(5):
        take_place(service_id=service.pk, start=START, end=END, capacity=None)
    assert SlotUsage.objects.get().taken == 5
    with pytest.raises(SlotFull) as refused:
        take_place(
            service_id=service.pk,
            start=START,
            end=END,
            capacity=5,
            field="start",
            message="This slot is fully booked.",
        )
    assert refused.value.as_data() == {"start": ["This slot is fully booked."]}
