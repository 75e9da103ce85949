from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeOperators
from django.db import models
from django.db.models import F, Func, Q

from catalogue.models import Service, ServiceItem
from payments.models import Payment


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", "Confirmed"
    CANCELLED = "cancelled", "Cancelled"
    COMPLETED = "completed", "Completed"
    NO_SHOW = "no_show", "No-show"


class TsTzRange(Func):
    """``tstzrange(start, end)``: half-open, so back-to-back bookings do not overlap."""

    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


class Booking(models.Model):
    """A student's appointment in one slot of a booking service.

    ``start``/``end`` are copied from the slot when it is booked, so later
    changes of hours or slot settings never move a booking.
    """

    service = models.ForeignKey(Service, on_delete=models.PROTECT, related_name="bookings")
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bookings"
    )
    service_item = models.ForeignKey(
        ServiceItem, on_delete=models.PROTECT, null=True, blank=True, related_name="bookings"
    )
    # The item's price when booked; null without an item.
    price = models.DecimalField(max_digits=10, decimal_places=2, null=True, blank=True)
    start = models.DateTimeField()
    end = models.DateTimeField()
    booking_status = models.CharField(
        max_length=20, choices=BookingStatus.choices, default=BookingStatus.CONFIRMED
    )
    notes = models.TextField(blank=True, default="")
    # How it is paid (payments). Null for bookings made before payments existed.
    payment = models.OneToOneField(
        Payment, on_delete=models.PROTECT, null=True, blank=True, related_name="booking"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start", "id"]
        indexes = [
            models.Index(fields=["customer", "start"], name="booking_customer_start"),
            models.Index(fields=["service", "start"], name="booking_service_start"),
            models.Index(fields=["start"], name="booking_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gt=F("start")), name="booking_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(price__isnull=True) | Q(price__gte=0), name="booking_price_not_negative"
            ),
            # One student never holds two overlapping confirmed bookings of one
            # service. PostgreSQL only (btree_gist); on SQLite a trigger of the
            # same name holds it (migration 0002).
            ExclusionConstraint(
                name="booking_no_overlap_per_customer",
                expressions=[
                    (F("customer"), RangeOperators.EQUAL),
                    (F("service"), RangeOperators.EQUAL),
                    (TsTzRange("start", "end"), RangeOperators.OVERLAPS),
                ],
                condition=Q(booking_status="confirmed"),
            ),
        ]

    def __str__(self):
        return f"Booking #{self.pk} ({self.booking_status})"


class BookingEventKind(models.TextChoices):
    MADE = "made", "Made"
    STATUS_CHANGED = "status_changed", "Status changed"
    # Its online payment was accepted: the vendor sees it (and is told) from now.
    PAID = "paid", "Paid"


class BookingEvent(models.Model):
    """One thing that happened to a booking: who did it, from what, to what,
    why and when. Written by ``bookings.services`` in the change's transaction
    and then published to listeners (notifications)."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=BookingEventKind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    from_status = models.CharField(max_length=20, choices=BookingStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=BookingStatus.choices, blank=True)
    reason = models.TextField(blank=True, default="")
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["booking", "created_at"], name="bookingevent_booking")]

    def __str__(self):
        return f"{self.kind}: {self.from_status or '-'} -> {self.to_status or '-'}"
