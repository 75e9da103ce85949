"""Booking reads: who sees which bookings, and the list's filters."""

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from common.filters import IdFilter
from purchases.visibility import visible_to

from .kind import BOOKING
from .models import Booking, BookingEvent, BookingStatus


def bookings_visible_to(user) -> QuerySet[Booking]:
    """A student's own bookings, a vendor's bookings of their services, all
    for an admin (``purchases.visibility``)."""
    return visible_to(BOOKING, user)


def local_day_bounds(day) -> tuple[datetime, datetime]:
    """The instants a local date begins and ends; 23 or 25 hours long on the
    days the clocks change."""
    zone = timezone.get_current_timezone()
    begins = datetime.combine(day, time.min, tzinfo=zone)
    ends = datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)
    return begins, ends


class BookingFilter(django_filters.FilterSet):
    booking_status = django_filters.ChoiceFilter(
        choices=BookingStatus.choices, help_text="Only bookings in this status."
    )
    service = IdFilter(field_name="service_id", help_text="Only bookings of this service id.")
    date = django_filters.DateFilter(
        method="filter_date",
        help_text="Only bookings starting on this local date (YYYY-MM-DD, campus time zone).",
    )

    def filter_date(self, queryset, name, value):
        if not date.min + timedelta(days=2) <= value <= date.max - timedelta(days=2):
            # No booking is that far away, and its day's bounds in UTC would overflow.
            return queryset.none()
        begins, ends = local_day_bounds(value)
        return queryset.filter(start__gte=begins, start__lt=ends)


def booking_list(*, user, filters: Mapping | None = None) -> QuerySet[Booking]:
    """Visible bookings, soonest first, with everything the API shows loaded
    in a fixed number of queries whatever the page size.

    Raises ``ValidationError`` (a 400 in the API) for an invalid filter value.
    """
    queryset = (
        bookings_visible_to(user)
        .select_related("service__vendor__vendor_profile", "customer", "service_item", "payment")
        .prefetch_related(Prefetch("events", queryset=BookingEvent.objects.select_related("actor")))
        .order_by("start", "id")
    )
    if filters is None:
        return queryset
    filterset = BookingFilter(data=filters, queryset=queryset)
    if not filterset.is_valid():
        raise ValidationError(filterset.errors.as_data())
    return filterset.qs
