"""Schedule reads: a service's hours, opening state and slots with places left.

A service is duck-typed: these functions read its settings by attribute
(``pickup_slot_minutes``, ``seats_per_slot``, ``paused_until``...), so the
schedule never imports the catalogue. Lists read each service's periods and
current closures in the row query itself (``with_calendar``: two JSON
columns, no further query) and every row then computes its opening state in
memory; a service read without them queries its calendar when asked.
"""

import json
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connections
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from . import clock
from . import slots as pure
from .models import Closure, SlotUsage, WeeklyPeriod

ORDERING = "ordering"
BOOKING = "booking"
ORDERING_HORIZON_DAYS = 7


def campus_tz() -> ZoneInfo:
    """The campus time zone, read at call time so tests may override it."""
    return ZoneInfo(settings.TIME_ZONE)


def campus_today(now: datetime | None = None) -> date:
    return (now or clock.now()).astimezone(campus_tz()).date()


class PeriodRow(NamedTuple):
    """A weekly period as read by ``with_calendar`` (the fields a reader uses)."""

    id: int
    weekday: int
    opens: time
    closes: time


class ClosureRow(NamedTuple):
    """A closure as read by ``with_calendar``."""

    id: int
    starts_on: date
    ends_on: date
    reason: str


# Annotation names of ``with_calendar``, and where the parsed rows are kept.
PERIODS_COLUMN = "calendar_periods_json"
CLOSURES_COLUMN = "calendar_closures_json"
_PARSED = "_calendar_rows"


def calendar_columns(
    connection, outer: str, since: date | None = None
) -> list[tuple[str, str, list]]:
    """The two calendar columns as ``(name, sql, params)``: each service's weekly
    periods and its closures not yet over, a JSON text column each (a
    correlated subquery on the ``service`` index of both tables). ``outer`` is
    the SQL of the service id they belong to.

    Raw SQL because the JSON aggregate is spelt differently by each database
    and Django has no portable one; the SQL names its tables and columns from
    the models.
    """
    quote = connection.ops.quote_name
    if connection.vendor == "postgresql":
        aggregate, row, as_text = "JSON_AGG", "JSON_BUILD_ARRAY", "::text"
    else:  # SQLite (JSON1, built into every Python since 3.9)
        aggregate, row, as_text = "JSON_GROUP_ARRAY", "JSON_ARRAY", ""

    def rows(model, columns: list[str], extra: str = "") -> str:
        column = {field.name: quote(field.column) for field in model._meta.concrete_fields}
        values = ", ".join(column[name] for name in columns)
        # Only quoted names from the models; the one value is a parameter.
        return (
            f"(SELECT {aggregate}({row}({values})){as_text} "  # noqa: S608
            f"FROM {quote(model._meta.db_table)} WHERE {column['service']} = {outer}{extra})"
        )

    ends_on = quote(Closure._meta.get_field("ends_on").column)
    return [
        (PERIODS_COLUMN, rows(WeeklyPeriod, list(PeriodRow._fields)), []),
        (
            CLOSURES_COLUMN,
            rows(Closure, list(ClosureRow._fields), f" AND {ends_on} >= %s"),
            [calendar_since() if since is None else since],
        ),
    ]


def calendar_since() -> date:
    """The first day whose closures ``calendar_columns`` reads, as of now."""
    # A day of slack: the campus date may still be yesterday somewhere in
    # the request, and a closure that just ended costs nothing to carry.
    return campus_today() - timedelta(days=1)


def calendar_params() -> list:
    """The parameters of ``calendar_columns``' SQL, in order, as of now."""
    return [calendar_since()]


def with_calendar(services: QuerySet, *, since: date | None = None) -> QuerySet:
    """``services`` with each one's weekly periods and closures not yet over
    read by the same query (``calendar_columns``).

    A prefetch of both would cost two more queries a page (and their model
    rows); this way a page costs what it did before services had a calendar.
    For top-level querysets (the outer table unaliased). ``since`` is the
    first day of the closures read, ``calendar_since()`` when not given; a
    plan (``common.plans``) passes each call's, so SQL compiled on one day
    still reads the closures of the day it runs.
    """
    connection = connections[services.db]
    quote = connection.ops.quote_name
    outer = f"{quote(services.model._meta.db_table)}.{quote(services.model._meta.pk.column)}"
    return services.annotate(
        **{
            name: RawSQL(sql, params)  # noqa: S611 - quoted model names and parameters
            for name, sql, params in calendar_columns(connection, outer, since)
        }
    )


@lru_cache(maxsize=4096)
def _parse_periods(text: str) -> tuple[PeriodRow, ...]:
    periods = [
        PeriodRow(pk, weekday, time.fromisoformat(opens), time.fromisoformat(closes))
        for pk, weekday, opens, closes in json.loads(text)
    ]
    # The model's ordering.
    return tuple(sorted(periods, key=lambda period: (period.weekday, period.opens, period.id)))


@lru_cache(maxsize=4096)
def _parse_closures(text: str) -> tuple[ClosureRow, ...]:
    closures = [
        ClosureRow(pk, date.fromisoformat(starts_on), date.fromisoformat(ends_on), reason)
        for pk, starts_on, ends_on, reason in json.loads(text)
    ]
    return tuple(sorted(closures, key=lambda closure: (closure.starts_on, closure.id)))


def _calendar_rows(service) -> tuple[list, list] | None:
    """The periods and closures ``with_calendar`` read, parsed once; None
    when the service was read without them. The same services are read
    again and again, so each text is parsed once per process while it is
    unchanged (the rows are immutable)."""
    state = service.__dict__
    parsed = state.get(_PARSED)
    if parsed is None and PERIODS_COLUMN in state:
        parsed = state[_PARSED] = (
            list(_parse_periods(state[PERIODS_COLUMN] or "[]")),
            list(_parse_closures(state[CLOSURES_COLUMN] or "[]")),
        )
    return parsed


def periods_of(service) -> list:
    rows = _calendar_rows(service)
    if rows is not None:
        return rows[0]
    return list(service.weekly_periods.all())


def closures_of(service, *, today: date | None = None) -> list:
    """Closures that have not ended, soonest first (read with the service when
    it came from ``with_calendar``)."""
    today = today or campus_today()
    rows = _calendar_rows(service)
    closures = rows[1] if rows is not None else None
    if closures is None:
        closures = Closure.objects.filter(service=service, ends_on__gte=today)
    return sorted(
        (closure for closure in closures if closure.ends_on >= today),
        key=lambda closure: (closure.starts_on, closure.id),
    )


def opening_key(service) -> tuple | None:
    """What ``opening`` reads of a service read ``with_calendar`` (None
    otherwise): services with equal keys open and close at the same times,
    whatever their periods' and closures' ids and reasons."""
    rows = _calendar_rows(service)
    if rows is None:
        return None
    periods, closures = rows
    return (
        tuple((period.weekday, period.opens, period.closes) for period in periods),
        tuple((closure.starts_on, closure.ends_on) for closure in closures),
        service.paused_until,
        service.is_available,
    )


def opening(service, *, now: datetime | None = None) -> tuple[bool, datetime | None]:
    """``(open_now, next_opening)`` of a service, from its calendar (read
    with it by ``with_calendar``, or queried)."""
    now = now or clock.now()
    return pure.opening_state(
        periods_of(service),
        closures_of(service, today=campus_today(now)),
        paused_until=service.paused_until,
        now=now,
        tz=campus_tz(),
        is_available=service.is_available,
    )


def asap_refusal(service, *, now: datetime | None = None) -> str | None:
    """Why an as-soon-as-possible order cannot be placed now and when the
    service opens next; None when it is open."""
    now = now or clock.now()
    open_now, next_opening = opening(service, now=now)
    if open_now:
        return None
    tz = campus_tz()
    reason = pure.closed_reason(
        periods_of(service),
        closures_of(service, today=campus_today(now)),
        paused_until=service.paused_until,
        pause_reason=service.pause_reason,
        now=now,
        tz=tz,
    )
    if next_opening is None:
        return f"{reason} It does not open again within the next 7 days."
    return f"{reason} It opens next at {pure.local_text(next_opening, tz)}."


def hours_of(service, *, now: datetime | None = None) -> dict:
    """The body of ``GET /services/{id}/hours/``."""
    now = now or clock.now()
    open_now, next_opening = opening(service, now=now)
    paused = service.paused_until is not None and service.paused_until > now
    return {
        "time_zone": settings.TIME_ZONE,
        "weekly": periods_of(service),
        "closures": closures_of(service, today=campus_today(now)),
        "paused_until": service.paused_until if paused else None,
        "pause_reason": service.pause_reason if paused else "",
        "open_now": open_now,
        "next_opening": next_opening,
    }


def slot_kind(service) -> str | None:
    """Which slot rules a service follows: its pickup times or its bookings."""
    if service.service_type == BOOKING:
        return BOOKING
    if service.service_type == ORDERING:
        return ORDERING
    return None


def _rules(service, kind: str) -> tuple[int, int, int, int | None]:
    """(step minutes, notice minutes, days ahead, capacity) of a slot kind."""
    if kind == BOOKING:
        return (
            service.slot_minutes,
            service.min_notice_minutes,
            service.max_days_ahead,
            service.seats_per_slot,
        )
    return (
        service.pickup_slot_minutes,
        service.prep_minutes,
        ORDERING_HORIZON_DAYS,
        service.orders_per_slot,
    )


def _tiled(service, *, local_date: date, now: datetime, kind: str | None):
    kind = kind or slot_kind(service)
    if kind is None or not service.is_active or not service.is_available:
        return [], None
    step, notice, days_ahead, capacity = _rules(service, kind)
    today = campus_today(now)
    if not today - timedelta(days=1) <= local_date <= today + timedelta(days=days_ahead + 1):
        return [], capacity  # outside the horizon (and far from date.min/max)
    tiles = pure.tile_slots(
        periods_of(service),
        closures_of(service, today=today),
        local_date=local_date,
        step_minutes=step,
        earliest=now + timedelta(minutes=notice),
        latest=now + timedelta(days=days_ahead),
        tz=campus_tz(),
    )
    return tiles, capacity


def service_slots(
    service, *, local_date: date, now: datetime | None = None, kind: str | None = None
) -> list[dict]:
    """The slots offered on ``local_date`` with their places: ``[{start, end,
    capacity, remaining}]``; ``remaining`` is None without a limit and 0 when full."""
    now = now or clock.now()
    tiles, capacity = _tiled(service, local_date=local_date, now=now, kind=kind)
    if not tiles:
        return []
    taken = dict(
        SlotUsage.objects.filter(
            service_id=service.pk, start__gte=tiles[0].start, start__lte=tiles[-1].start
        ).values_list("start", "taken")
    )
    return [
        {
            "start": tile.start,
            "end": tile.end,
            "capacity": capacity,
            "remaining": None if capacity is None else max(0, capacity - taken.get(tile.start, 0)),
        }
        for tile in tiles
    ]


def slot_offered(
    service, start: datetime, *, now: datetime | None = None, kind: str | None = None
) -> pure.Slot | None:
    """The slot starting at instant ``start`` if the service offers it now
    (full or not: the place is taken by ``services.take_place``), else None."""
    now = now or clock.now()
    local_date = start.astimezone(campus_tz()).date()
    tiles, _capacity = _tiled(service, local_date=local_date, now=now, kind=kind)
    wanted = start.astimezone(pure.UTC)
    return next((tile for tile in tiles if tile.start == wanted), None)
