"""The calendar of a service: weekly opening periods, closures and the
per-slot place counters. Services are referred to by a string foreign key, so
this app never imports the catalogue."""

from django.db import models
from django.db.models import Q

MAX_PERIODS = 28


class WeeklyPeriod(models.Model):
    """A weekly opening, in wall-clock time of the campus time zone.

    ``closes`` earlier than ``opens`` runs past midnight into the next day.
    """

    service = models.ForeignKey(
        "catalogue.Service", on_delete=models.CASCADE, related_name="weekly_periods"
    )
    weekday = models.PositiveSmallIntegerField(help_text="0 Monday to 6 Sunday")
    opens = models.TimeField()
    closes = models.TimeField()

    class Meta:
        ordering = ["weekday", "opens", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(weekday__gte=0, weekday__lte=6), name="weeklyperiod_weekday_0_to_6"
            ),
            models.CheckConstraint(
                condition=~Q(opens=models.F("closes")), name="weeklyperiod_not_empty"
            ),
            models.UniqueConstraint(
                fields=["service", "weekday", "opens"], name="weeklyperiod_unique_start"
            ),
        ]

    def __str__(self):
        return f"{self.weekday} {self.opens:%H:%M}-{self.closes:%H:%M}"


class Closure(models.Model):
    """Whole local dates, inclusive, on which the service is closed (a holiday)."""

    service = models.ForeignKey(
        "catalogue.Service", on_delete=models.CASCADE, related_name="closures"
    )
    starts_on = models.DateField()
    ends_on = models.DateField()
    reason = models.CharField(max_length=200, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on", "id"]
        indexes = [models.Index(fields=["service", "ends_on"], name="closure_service_ends")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="closure_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.starts_on}..{self.ends_on} {self.reason}".strip()


class SlotUsage(models.Model):
    """How many places of one slot are taken (orders not cancelled, confirmed
    bookings).

    The row is the unit the database serialises racing takers on: a place is
    taken by ``UPDATE ... SET taken = taken + 1 WHERE taken < capacity``, so
    the cap holds without any count-then-insert.
    """

    service = models.ForeignKey(
        "catalogue.Service", on_delete=models.CASCADE, related_name="slot_usages"
    )
    start = models.DateTimeField()
    end = models.DateTimeField()
    taken = models.IntegerField(default=0)

    class Meta:
        ordering = ["service", "start"]
        constraints = [
            models.UniqueConstraint(fields=["service", "start"], name="slotusage_unique_slot"),
            models.CheckConstraint(condition=Q(taken__gte=0), name="slotusage_taken_not_negative"),
        ]

    def __str__(self):
        return f"{self.service_id} {self.start.isoformat()} ({self.taken})"
