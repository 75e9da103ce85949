from datetime import time, timedelta

import factory

from bookings.models import Booking, BookingStatus
from catalogue.models import Category, ServiceType
from catalogue.tests.factories import ServiceFactory
from schedule.models import WeeklyPeriod
from users.tests.factories import StudentFactory


class BookingServiceFactory(ServiceFactory):
    """A booking service; give it hours with ``open_every_day`` to offer slots."""

    service_name = factory.Sequence(lambda n: f"Barber chair {n}")
    category = Category.BEAUTY
    service_type = ServiceType.BOOKING


def open_every_day(service, opens: str = "08:00", closes: str = "20:00") -> None:
    WeeklyPeriod.objects.bulk_create(
        WeeklyPeriod(
            service=service,
            weekday=weekday,
            opens=time.fromisoformat(opens),
            closes=time.fromisoformat(closes),
        )
        for weekday in range(7)
    )


class BookingFactory(factory.django.DjangoModelFactory):
    """A booking row as stored (no seat taken, no history); to exercise the
    rules, book through the API."""

    class Meta:
        model = Booking

    service = factory.SubFactory(BookingServiceFactory)
    customer = factory.SubFactory(StudentFactory)
    booking_status = BookingStatus.CONFIRMED
    end = factory.LazyAttribute(lambda b: b.start + timedelta(minutes=30))
