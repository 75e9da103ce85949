"""Slot tiling and opening state as pure functions, on a zone with daylight
saving (Europe/Amsterdam) whatever the deployment's zone."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from schedule.slots import (
    ClosureRange,
    Period,
    find_overlap,
    opening_state,
    tile_slots,
)

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY = date(2026, 6, 1)
EARLY = datetime(2000, 1, 1, tzinfo=UTC)
LATE = datetime(2100, 1, 1, tzinfo=UTC)


def period(weekday, opens, closes):
    return Period(weekday, time.fromisoformat(opens), time.fromisoformat(closes))


def local(day, hhmm, fold=0):
    return datetime.combine(day, time.fromisoformat(hhmm)).replace(tzinfo=AMS, fold=fold)


def starts(slots):
    return [slot.start.astimezone(AMS).strftime("%H:%M%z") for slot in slots]


def tile(periods, day, step, closures=(), earliest=EARLY, latest=LATE):
    return tile_slots(
        periods,
        closures,
        local_date=day,
        step_minutes=step,
        earliest=earliest,
        latest=latest,
        tz=AMS,
    )


def test_period_is_tiled_from_opens_and_last_slot_ends_by_closes():
    slots = tile([period(0, "11:00", "12:10")], MONDAY, 20)
    assert starts(slots) == ["11:00+0200", "11:20+0200", "11:40+0200"]
    assert slots[-1].end == local(MONDAY, "12:00")
    assert all(slot.end - slot.start == timedelta(minutes=20) for slot in slots)


def test_only_periods_of_that_weekday_count():
    assert tile([period(1, "11:00", "12:00")], MONDAY, 30) == []


def test_period_past_midnight_lists_early_slots_under_the_next_date():
    periods = [period(0, "23:00", "01:00")]
    assert starts(tile(periods, MONDAY, 30)) == ["23:00+0200", "23:30+0200"]
    tuesday = tile(periods, MONDAY + timedelta(days=1), 30)
    assert starts(tuesday) == ["00:00+0200", "00:30+0200"]
    assert tuesday[-1].end == local(MONDAY + timedelta(days=1), "01:00")


def test_sunday_period_past_midnight_continues_on_monday():
    sunday = MONDAY - timedelta(days=1)
    assert starts(tile([period(6, "23:30", "00:30")], MONDAY, 30)) == ["00:00+0200"]
    assert starts(tile([period(6, "23:30", "00:30")], sunday, 30)) == ["23:30+0200"]


def test_no_slots_on_a_closed_date_even_from_yesterdays_late_period():
    periods = [period(0, "11:00", "12:00"), period(0, "23:00", "01:00")]
    closed = [ClosureRange(MONDAY, MONDAY, "Holiday")]
    assert tile(periods, MONDAY, 30, closures=closed) == []
    # The next date is open: its early-morning slots stay.
    assert starts(tile(periods, MONDAY + timedelta(days=1), 30, closures=closed)) == [
        "00:00+0200",
        "00:30+0200",
    ]


def test_notice_drops_slots_starting_too_soon():
    slots = tile([period(0, "11:00", "13:00")], MONDAY, 30, earliest=local(MONDAY, "11:15"))
    assert starts(slots) == ["11:30+0200", "12:00+0200", "12:30+0200"]
    # A slot starting exactly at the earliest instant is kept.
    assert (
        starts(tile([period(0, "11:00", "12:00")], MONDAY, 30, earliest=local(MONDAY, "11:30")))[0]
        == "11:30+0200"
    )


def test_horizon_drops_slots_starting_after_latest():
    slots = tile([period(0, "11:00", "13:00")], MONDAY, 30, latest=local(MONDAY, "12:00"))
    assert starts(slots) == ["11:00+0200", "11:30+0200", "12:00+0200"]


def test_touching_periods_tile_without_duplicates():
    periods = [period(0, "08:00", "09:00"), period(0, "09:00", "10:00")]
    assert len(tile(periods, MONDAY, 30)) == 4


def test_spring_forward_skips_the_missing_hour():
    sunday = date(2026, 3, 29)  # 02:00 -> 03:00 in Amsterdam
    slots = tile([period(6, "01:00", "04:00")], sunday, 30)
    assert starts(slots) == ["01:00+0100", "01:30+0100", "03:00+0200", "03:30+0200"]
    assert len({slot.start for slot in slots}) == 4


def test_fall_back_gives_two_slots_for_the_repeated_hour():
    sunday = date(2026, 10, 25)  # 03:00 -> 02:00 in Amsterdam
    slots = tile([period(6, "01:00", "04:00")], sunday, 30)
    assert starts(slots) == [
        "01:00+0200",
        "01:30+0200",
        "02:00+0200",
        "02:30+0200",
        "02:00+0100",
        "02:30+0100",
        "03:00+0100",
        "03:30+0100",
    ]
    instants = [slot.start for slot in slots]
    assert instants == sorted(instants) and len(set(instants)) == len(instants)
    assert all(slot.end - slot.start == timedelta(minutes=30) for slot in slots)


def test_overlap_detection():
    assert find_overlap([period(0, "08:00", "12:00"), period(0, "12:00", "14:00")]) is None
    assert find_overlap([period(0, "08:00", "12:00"), period(0, "11:00", "14:00")])
    # Past midnight into the next weekday.
    assert find_overlap([period(0, "22:00", "02:00"), period(1, "01:00", "03:00")])
    assert find_overlap([period(0, "22:00", "02:00"), period(1, "02:00", "03:00")]) is None
    # Sunday night into Monday morning.
    assert find_overlap([period(6, "22:00", "02:00"), period(0, "01:00", "03:00")])
    assert find_overlap([period(6, "22:00", "02:00"), period(0, "02:00", "03:00")]) is None


def state(periods, closures=(), paused_until=None, now=None, is_available=True):
    return opening_state(
        periods,
        closures,
        paused_until=paused_until,
        now=now,
        tz=AMS,
        is_available=is_available,
    )


LUNCH = [period(d, "11:00", "14:00") for d in range(5)]


def test_open_inside_a_period_and_closed_at_its_end():
    assert state(LUNCH, now=local(MONDAY, "11:00")) == (True, None)
    open_now, next_opening = state(LUNCH, now=local(MONDAY, "14:00"))
    assert not open_now and next_opening == local(MONDAY + timedelta(days=1), "11:00")


def test_no_weekly_hours_means_open_whenever_available():
    assert state([], now=local(MONDAY, "03:00")) == (True, None)
    assert state([], now=local(MONDAY, "03:00"), is_available=False) == (False, None)


def test_weekend_next_opening_is_monday():
    saturday = MONDAY + timedelta(days=5)
    assert state(LUNCH, now=local(saturday, "12:00")) == (
        False,
        local(MONDAY + timedelta(7), "11:00"),
    )


def test_closure_moves_next_opening_past_it():
    closed = [ClosureRange(MONDAY, MONDAY + timedelta(days=1), "Holiday")]
    open_now, next_opening = state(LUNCH, closed, now=local(MONDAY, "12:00"))
    assert not open_now and next_opening == local(MONDAY + timedelta(days=2), "11:00")


def test_closure_ending_mid_period_past_midnight_opens_at_midnight():
    periods = [period(0, "20:00", "02:00")]
    closed = [ClosureRange(MONDAY, MONDAY, "")]
    _open, next_opening = state(periods, closed, now=local(MONDAY, "21:00"))
    assert next_opening == local(MONDAY + timedelta(days=1), "00:00")


def test_pause_closes_until_it_ends_then_reopens():
    now = local(MONDAY, "12:00")
    until = now + timedelta(minutes=30)
    assert state(LUNCH, paused_until=until, now=now) == (False, until)
    assert state(LUNCH, paused_until=until, now=until) == (True, None)


def test_nothing_within_seven_days_gives_no_next_opening():
    closed = [ClosureRange(MONDAY, MONDAY + timedelta(days=30), "Summer")]
    assert state(LUNCH, closed, now=local(MONDAY, "12:00")) == (False, None)


def test_open_now_across_the_repeated_hour():
    sunday = date(2026, 10, 25)
    periods = [period(6, "02:00", "02:30")]
    assert state(periods, now=local(sunday, "02:10", fold=0))[0]
    assert state(periods, now=local(sunday, "02:10", fold=1))[0]
