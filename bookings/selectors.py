"""Booking reads: who sees which bookings, and the list's filters."""

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from catalogue.models import Service
from common.filters import IdFilter

from .models import Booking, BookingEvent, BookingStatus

# A booking waiting for its online payment is its customer's alone (payments).
VISIBLE_TO_VENDOR = Q(payment__isnull=True) | Q(payment__visible_to_vendor=True)


def bookings_visible_to(user) -> QuerySet[Booking]:
    """A student's own bookings, a vendor's bookings of their services, all
    for an admin; nobody else's, so others' bookings are simply not found."""
    bookings = Booking.objects.all()
    if user.is_admin_type:
        return bookings
    if user.is_vendor:
        # Ids as a list, not a join, so the (service, start) index is walked.
        service_ids = list(Service.objects.filter(vendor=user).values_list("id", flat=True))
        return bookings.filter(service_id__in=service_ids).filter(VISIBLE_TO_VENDOR)
    if user.is_student:
        return bookings.filter(customer=user)
    return bookings.none()


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
