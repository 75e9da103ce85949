"""Open state and slots cost in proportion to the periods and closures inside
the window they look at: closures far away are passed over once, not once per
candidate instant (5,000 one-day closures made a detail take 1.3 s).
Counted in operations (reads of a closure's dates), never timed."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from schedule.slots import Period, opening_state, tile_slots

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = date(2026, 6, 1)
# Monday 03:00: closed (every period opens later), so every candidate is tried.
NIGHT = datetime.combine(MONDAY, time(3, 0)).replace(tzinfo=AMS)
FAR = 5000


class CountedClosure:
    """A closure whose date reads are counted."""

    reads = 0

    def __init__(self, starts_on, ends_on, reason=""):
        self._starts_on, self._ends_on, self.reason = starts_on, ends_on, reason

    @property
    def starts_on(self):
        CountedClosure.reads += 1
        return self._starts_on

    @property
    def ends_on(self):
        CountedClosure.reads += 1
        return self._ends_on


def many_periods():
    """28 periods, four a day, all after 03:00."""
    return [
        Period(day, time(hour, 0), time(hour + 2, 0))
        for day in range(7)
        for hour in (8, 11, 14, 17)
    ]


def one_day_closures(first: date, count: int):
    return [
        CountedClosure(first + timedelta(days=n), first + timedelta(days=n)) for n in range(count)
    ]


def test_opening_state_reads_each_closure_a_bounded_number_of_times():
    # Closed tomorrow, then thousands of one-day closures far in the future.
    # Far ones first: the pure functions take closures in any order.
    closures = one_day_closures(MONDAY + timedelta(days=30), FAR) + one_day_closures(
        MONDAY + timedelta(days=1), 1
    )
    CountedClosure.reads = 0

    open_now, next_opening = opening_state(
        many_periods(), closures, paused_until=None, now=NIGHT, tz=AMS, is_available=True
    )

    assert (open_now, next_opening) == (
        False,
        datetime.combine(MONDAY, time(8, 0)).replace(tzinfo=AMS),
    )
    assert CountedClosure.reads <= 4 * len(closures)


def test_a_week_of_closures_then_opening_reads_each_closure_a_bounded_number_of_times():
    # Every day of the window closed: every candidate instant is tried and refused.
    closures = one_day_closures(MONDAY + timedelta(days=30), FAR) + one_day_closures(MONDAY, 12)
    CountedClosure.reads = 0

    assert opening_state(
        many_periods(), closures, paused_until=None, now=NIGHT, tz=AMS, is_available=True
    ) == (False, None)
    assert CountedClosure.reads <= 4 * len(closures)


def test_tiling_a_day_reads_each_closure_a_bounded_number_of_times():
    closures = one_day_closures(MONDAY + timedelta(days=30), FAR)
    CountedClosure.reads = 0

    tiles = tile_slots(
        many_periods(),
        closures,
        local_date=MONDAY,
        step_minutes=15,
        earliest=NIGHT,
        latest=NIGHT + timedelta(days=7),
        tz=AMS,
    )

    assert len(tiles) == 4 * 8
    assert CountedClosure.reads <= 4 * len(closures)
