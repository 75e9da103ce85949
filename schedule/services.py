"""Schedule writes: weekly hours, closures, pauses, and the slot place counters.

Services are duck-typed (a ``catalogue.Service`` instance): the pause state
lives on the service row, written through ``type(service).objects`` so this
app never imports the catalogue. The caller (catalogue's API) owns the
permission checks; every write here makes the cached public catalogue stale
itself (hours, closures and pauses show on the service's page), whoever calls
it: the API or the Django admin.
"""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import F
from rest_framework import status

from common.exceptions import DomainError
from common.public_cache import invalidate_catalogue

from . import clock
from . import slots as pure
from .models import MAX_PERIODS, Closure, SlotUsage, WeeklyPeriod
from .selectors import campus_today

MAX_CLOSURE_DAYS = 366
# Closures that have not ended, per service (the contract's limit against abuse).
MAX_OPEN_CLOSURES = 100
PAUSE_MINUTES = (5, 720)


class SlotFull(DomainError):
    """No place is left in the slot."""


class ClosureNotFound(DomainError):
    status_code = status.HTTP_404_NOT_FOUND


def _lock(service):
    """Lock the service row so two racing replacements apply one after the other."""
    return type(service).objects.select_for_update().only("pk").get(pk=service.pk)


def _period_text(period) -> str:
    return f"weekday {period.weekday} {period.opens:%H:%M}-{period.closes:%H:%M}"


def validate_weekly(weekly: list[dict]) -> list[pure.Period]:
    """Periods from ``[{weekday, opens, closes}]``, or a DomainError on ``weekly``."""
    if len(weekly) > MAX_PERIODS:
        raise DomainError(f"At most {MAX_PERIODS} weekly periods.", field="weekly")
    periods = []
    for entry in weekly:
        opens, closes = entry["opens"], entry["closes"]
        # Minutes are the grain of the contract ("HH:MM"): seconds are dropped.
        period = pure.Period(
            weekday=entry["weekday"],
            opens=time(opens.hour, opens.minute),
            closes=time(closes.hour, closes.minute),
        )
        if period.opens == period.closes:
            raise DomainError(
                f"A period must not open and close at the same time ({_period_text(period)}).",
                field="weekly",
            )
        periods.append(period)
    overlap = pure.find_overlap(periods)
    if overlap:
        first, second = overlap
        raise DomainError(
            f"Periods overlap: {_period_text(first)} and {_period_text(second)}.",
            field="weekly",
        )
    return periods


@transaction.atomic
def hours_replace(*, service, weekly: list[dict]) -> list[WeeklyPeriod]:
    """Replace a service's weekly hours (``[]`` removes them). Orders and
    bookings already placed keep their times."""
    periods = validate_weekly(weekly)
    _lock(service)
    WeeklyPeriod.objects.filter(service_id=service.pk).delete()
    invalidate_catalogue()
    return WeeklyPeriod.objects.bulk_create(
        WeeklyPeriod(service_id=service.pk, weekday=p.weekday, opens=p.opens, closes=p.closes)
        for p in periods
    )


@transaction.atomic
def closure_add(
    *, service, starts_on: date, ends_on: date, reason: str = "", now: datetime | None = None
) -> Closure:
    """Close a service on whole local dates, inclusive. At most
    ``MAX_OPEN_CLOSURES`` closures not yet ended: the count runs under the
    service row's lock, so parallel additions are counted one after another."""
    if ends_on < starts_on:
        raise DomainError("ends_on must not be before starts_on.", field="ends_on")
    if ends_on < campus_today(now):
        raise DomainError(
            "This closure lies entirely in the past (ends_on is before today).", field="ends_on"
        )
    if (ends_on - starts_on).days + 1 > MAX_CLOSURE_DAYS:
        raise DomainError(f"A closure lasts at most {MAX_CLOSURE_DAYS} days.", field="ends_on")
    _lock(service)
    if (
        Closure.objects.filter(service_id=service.pk, ends_on__gte=campus_today(now)).count()
        >= MAX_OPEN_CLOSURES
    ):
        raise DomainError(
            f"A service has at most {MAX_OPEN_CLOSURES} closures that have not ended; "
            "delete one first."
        )
    invalidate_catalogue()
    return Closure.objects.create(
        service_id=service.pk, starts_on=starts_on, ends_on=ends_on, reason=reason
    )


def closure_delete(*, service, closure_id: int) -> None:
    deleted, _ = Closure.objects.filter(service_id=service.pk, pk=closure_id).delete()
    if not deleted:
        raise ClosureNotFound("No such closure for this service.")
    invalidate_catalogue()


def pause(*, service, minutes: int, reason: str = "", now: datetime | None = None) -> datetime:
    """Stop new as-soon-as-possible orders for ``minutes``; they resume by
    themselves at ``paused_until``. Scheduled orders are untouched."""
    low, high = PAUSE_MINUTES
    if not low <= minutes <= high:
        raise DomainError(f"minutes must be {low} to {high}.", field="minutes")
    paused_until = (now or clock.now()) + timedelta(minutes=minutes)
    type(service).objects.filter(pk=service.pk).update(
        paused_until=paused_until, pause_reason=reason
    )
    service.paused_until, service.pause_reason = paused_until, reason
    invalidate_catalogue()
    return paused_until


def resume(*, service) -> None:
    type(service).objects.filter(pk=service.pk).update(paused_until=None, pause_reason="")
    service.paused_until, service.pause_reason = None, ""
    invalidate_catalogue()


def calendar_row_save(*, row: WeeklyPeriod | Closure) -> None:
    """Save one weekly period or closure edited on its own (the Django admin)."""
    row.save()
    invalidate_catalogue()


def calendar_row_delete(*, row: WeeklyPeriod | Closure) -> None:
    row.delete()
    invalidate_catalogue()


def take_place(
    *,
    service_id: int,
    start: datetime,
    end: datetime,
    capacity: int | None,
    field: str = "pickup_at",
    message: str = "This slot is full.",
) -> None:
    """Take one place of a slot, or raise ``SlotFull`` (on ``field``).

    The counter row is created if missing (ignoring a racing creator), then
    incremented by one conditional UPDATE: the database decides which racing
    taker gets the last place, on PostgreSQL (the row lock of the UPDATE,
    with the condition re-checked after the wait) and SQLite alike. Call it
    inside the transaction that records the order or booking.
    """
    SlotUsage.objects.bulk_create(
        [SlotUsage(service_id=service_id, start=start, end=end, taken=0)], ignore_conflicts=True
    )
    usage = SlotUsage.objects.filter(service_id=service_id, start=start)
    if capacity is not None:
        usage = usage.filter(taken__lt=capacity)
    if not usage.update(taken=F("taken") + 1):
        raise SlotFull(message, field=field)


def release_place(*, service_id: int, start: datetime) -> None:
    """Give back one place of a slot (a cancelled order or booking)."""
    SlotUsage.objects.filter(service_id=service_id, start=start, taken__gt=0).update(
        taken=F("taken") - 1
    )
