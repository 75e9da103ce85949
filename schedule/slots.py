"""Pure calendar arithmetic: which slots a day has, whether a service is open.

Nothing here touches the database or the clock: periods and closures are any
objects with ``weekday``/``opens``/``closes`` and ``starts_on``/``ends_on``
attributes (model instances or the dataclasses below), and ``now`` and the
time zone are parameters, so every rule is testable on any zone and instant.

Wall-clock rules follow the contract: periods are local times; a local time
that does not exist (spring-forward gap) gives no slot; one that occurs twice
(autumn fold) gives two slots with distinct instants. A slot lasts its step in
real elapsed time.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

MINUTES_PER_DAY = 24 * 60
OPENING_HORIZON = timedelta(days=7)


@dataclass(frozen=True)
class Period:
    weekday: int
    opens: time
    closes: time


@dataclass(frozen=True)
class ClosureRange:
    starts_on: date
    ends_on: date
    reason: str = ""


@dataclass(frozen=True)
class Slot:
    start: datetime
    end: datetime


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


def period_span(period) -> tuple[int, int]:
    """Minutes after the start of its weekday: (opens, closes), closes past
    1440 when the period runs past midnight."""
    opens, closes = _minutes(period.opens), _minutes(period.closes)
    if closes <= opens:
        closes += MINUTES_PER_DAY
    return opens, closes


def find_overlap(periods: Iterable) -> tuple | None:
    """The first pair of periods that overlap in the week (across midnight and
    from Sunday into Monday too), or None. Touching periods do not overlap."""
    week = 7 * MINUTES_PER_DAY
    spans = []
    for period in periods:
        opens, closes = period_span(period)
        base = period.weekday * MINUTES_PER_DAY
        spans.append((base + opens, base + closes, period))
    spans.sort(key=lambda span: span[0])
    for i, (_start_a, end_a, a) in enumerate(spans):
        for start_b, _end_b, b in spans[i + 1 :]:
            if start_b < end_a:
                return a, b
        # Sunday's late period wraps into the first periods of Monday.
        if end_a > week:
            for start_b, _end_b, b in spans:
                if b is not a and start_b < end_a - week:
                    return a, b
    return None


def local_instants(day: date, minute: int, tz: ZoneInfo) -> list[datetime]:
    """The instants (in UTC) at which the wall clock shows ``minute`` minutes
    after the start of ``day`` (minute may pass 1440): none in a gap, two in a
    fold.

    Returned in UTC on purpose: Python compares two datetimes of the same zone
    by wall time, ignoring ``fold``, so the two instants of a repeated hour
    would be equal (and deduplicated) if kept in local time.
    """
    moment = datetime.combine(day, time()) + timedelta(minutes=minute)
    instants: list[datetime] = []
    for fold in (0, 1):
        instant = moment.replace(tzinfo=tz, fold=fold).astimezone(UTC)
        # A wall time that does not exist does not survive a round trip via UTC.
        if instant.astimezone(tz).replace(tzinfo=None) != moment:
            continue
        if instant not in instants:
            instants.append(instant)
    return instants


def closed_on(closures: Iterable, day: date):
    """The closure covering local date ``day``, or None."""
    for closure in closures:
        if closure.starts_on <= day <= closure.ends_on:
            return closure
    return None


def tile_slots(
    periods: Iterable,
    closures: Iterable,
    *,
    local_date: date,
    step_minutes: int,
    earliest: datetime,
    latest: datetime,
    tz: ZoneInfo,
) -> list[Slot]:
    """The slots starting on ``local_date``: each period tiled from its
    ``opens`` in steps (a slot ends by ``closes``), including the early-morning
    slots of yesterday's period running past midnight; none on a closed date;
    only those starting within [earliest, latest]. Sorted by start; instants
    in UTC (render them in the campus zone)."""
    closures = list(closures)
    if closed_on(closures, local_date):
        return []
    step = timedelta(minutes=step_minutes)
    starts: set[datetime] = set()
    for period in periods:
        opens, closes = period_span(period)
        for day_offset in (0, -1):
            if (local_date.weekday() + day_offset) % 7 != period.weekday:
                continue
            period_day = local_date + timedelta(days=day_offset)
            minute = opens
            while minute + step_minutes <= closes:
                if 0 <= minute + day_offset * MINUTES_PER_DAY < MINUTES_PER_DAY:
                    starts.update(local_instants(period_day, minute, tz))
                minute += step_minutes
    return [
        Slot(start=start, end=start + step)
        for start in sorted(starts)
        if earliest <= start <= latest
    ]


def inside_period(periods: Iterable, local: datetime) -> bool:
    """Whether the wall-clock time ``local`` falls in one of the periods."""
    minute = local.hour * 60 + local.minute + local.second / 60
    weekday = local.weekday()
    for period in periods:
        opens, closes = period_span(period)
        if period.weekday == weekday and opens <= minute < closes:
            return True
        if period.weekday == (weekday - 1) % 7 and minute + MINUTES_PER_DAY < closes:
            return True
    return False


def closed_days(closures: Iterable, first: date, last: date) -> dict[date, object]:
    """{local date: the closure covering it} for the dates from ``first`` to
    ``last``: one pass over the closures, so a question about a day of that
    window costs a lookup, however many closures lie outside it."""
    days: dict[date, object] = {}
    for closure in closures:
        day, end = max(closure.starts_on, first), min(closure.ends_on, last)
        while day <= end:
            days.setdefault(day, closure)
            day += timedelta(days=1)
    return days


def _is_open_at(periods, closed: dict, *, paused_until, moment, tz) -> bool:
    local = moment.astimezone(tz)
    if paused_until is not None and moment < paused_until:
        return False
    if local.date() in closed:
        return False
    return not periods or inside_period(periods, local)


def opening_state(
    periods: Iterable,
    closures: Iterable,
    *,
    paused_until: datetime | None,
    now: datetime,
    tz: ZoneInfo,
    is_available: bool,
) -> tuple[bool, datetime | None]:
    """``(open_now, next_opening)``: open means available, inside a weekly
    period (or no weekly hours), not on a closed date, not paused.
    ``next_opening`` is the first instant within 7 days at which it becomes
    open, or None (open now, unavailable, or not within 7 days)."""
    periods = list(periods)
    if not is_available:
        return False, None
    today = now.astimezone(tz).date()
    # Only the closed dates of the window looked at matter (a day of slack
    # each side for the zone's offsets); the rest are passed over once.
    closed = closed_days(closures, today - timedelta(days=1), today + timedelta(days=9))
    if _is_open_at(periods, closed, paused_until=paused_until, moment=now, tz=tz):
        return True, None
    # Closed turns to open only where a period opens, a closure ends or a
    # pause ends: try those instants in order.
    candidates = []
    if paused_until is not None:
        candidates.append(paused_until)
    for day in closed:
        if day < today + OPENING_HORIZON:
            candidates.extend(local_instants(day + timedelta(days=1), 0, tz)[:1])
    for offset in range(-1, 9):
        day = today + timedelta(days=offset)
        for period in periods:
            if period.weekday == day.weekday():
                candidates.extend(local_instants(day, period_span(period)[0], tz)[:1])
    horizon = now + OPENING_HORIZON
    for moment in sorted(candidates):
        if now < moment <= horizon and _is_open_at(
            periods, closed, paused_until=paused_until, moment=moment, tz=tz
        ):
            return False, moment
    return False, None


def closed_reason(
    periods: Iterable,
    closures: Iterable,
    *,
    paused_until: datetime | None,
    pause_reason: str,
    now: datetime,
    tz: ZoneInfo,
) -> str:
    """Why an available service is not open at ``now``, in words for a student."""
    local = now.astimezone(tz)
    closure = closed_on(closures, local.date())
    if closure is not None:
        until = closure.ends_on.isoformat()
        reason = f" ({closure.reason})" if closure.reason else ""
        return f"This service is closed until {until} inclusive{reason}."
    if paused_until is not None and now < paused_until:
        reason = f" ({pause_reason})" if pause_reason else ""
        return f"This service has paused new orders until {local_text(paused_until, tz)}{reason}."
    return "This service is closed at this time (outside its opening hours)."


def local_text(instant: datetime, tz: ZoneInfo) -> str:
    """An instant as a student reads it in a message: local, to the minute, with offset."""
    return instant.astimezone(tz).isoformat(timespec="minutes")
