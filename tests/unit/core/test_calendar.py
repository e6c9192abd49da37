"""Local days, daily times across daylight-saving changes, zones as learners type them,
and streaks with freezes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from clio.core.calendar import (
    local_date,
    local_moment,
    next_local_time,
    parse_clock,
    parse_zone,
    streak,
    streak_status,
    zone,
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Europe/Paris", "Europe/Paris"),
        ("europe/paris", "Europe/Paris"),
        ("Paris", "Europe/Paris"),
        ("new york", "America/New_York"),
        ("Kolkata", "Asia/Kolkata"),
        ("UTC", "UTC"),
        ("gmt", "UTC"),
        ("UTC+5:30", "UTC+05:30"),
        ("+02", "UTC+02:00"),
        ("GMT-3", "UTC-03:00"),
        ("UTC+0", "UTC"),
        ("Atlantis", None),
        ("UTC+15", None),
        ("", None),
    ],
)
def test_zones_as_learners_type_them(typed: str, expected: str | None) -> None:
    assert parse_zone(typed) == expected


def test_offset_zones_work_both_sides_of_utc() -> None:
    noon = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)
    assert noon.astimezone(zone("UTC+05:30")).hour == 17
    assert noon.astimezone(zone("UTC-03:00")).hour == 9
    assert local_date(datetime(2026, 6, 1, 22, 0, tzinfo=UTC), "UTC+05:30") == date(2026, 6, 2)
    assert local_date(datetime(2026, 6, 1, 1, 0, tzinfo=UTC), "America/New_York") == date(
        2026, 5, 31
    )


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("18:30", time(18, 30)),
        ("7", time(7, 0)),
        ("07.15", time(7, 15)),
        ("6:30pm", time(18, 30)),
        ("12am", time(0, 0)),
        ("9 AM", time(9, 0)),
        ("24:00", None),
        ("13pm", None),
        ("soon", None),
    ],
)
def test_daily_times_as_learners_type_them(typed: str, expected: time | None) -> None:
    assert parse_clock(typed) == expected


def test_next_time_later_today_or_tomorrow() -> None:
    after = datetime(2026, 6, 1, 16, 0, tzinfo=UTC)  # 18:00 in Paris (summer, +2)
    assert next_local_time(time(18, 30), "Europe/Paris", after=after) == datetime(
        2026, 6, 1, 16, 30, tzinfo=UTC
    )
    assert next_local_time(time(17, 0), "Europe/Paris", after=after) == datetime(
        2026, 6, 2, 15, 0, tzinfo=UTC
    )


def test_daily_time_keeps_its_local_hour_across_daylight_saving() -> None:
    # Paris goes from +1 to +2 on 2026-03-29; 18:30 local moves from 17:30 to 16:30 UTC.
    before = next_local_time(
        time(18, 30), "Europe/Paris", after=datetime(2026, 3, 28, 12, tzinfo=UTC)
    )
    after = next_local_time(time(18, 30), "Europe/Paris", after=before)
    assert before == datetime(2026, 3, 28, 17, 30, tzinfo=UTC)
    assert after == datetime(2026, 3, 29, 16, 30, tzinfo=UTC)
    assert after - before == timedelta(hours=23)


def test_a_skipped_time_happens_after_the_jump_and_a_repeated_one_once() -> None:
    # 02:30 does not exist in Paris on 2026-03-29: it happens at 03:30 local (01:30 UTC).
    gap = next_local_time(time(2, 30), "Europe/Paris", after=datetime(2026, 3, 29, 0, tzinfo=UTC))
    assert gap == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    # 02:30 happens twice on 2026-10-25: the first one (+2, 00:30 UTC) counts, then next day.
    first = next_local_time(
        time(2, 30), "Europe/Paris", after=datetime(2026, 10, 24, 23, tzinfo=UTC)
    )
    assert first == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)
    second = next_local_time(time(2, 30), "Europe/Paris", after=first)
    assert second == datetime(2026, 10, 26, 1, 30, tzinfo=UTC)


def test_half_hour_zone_and_a_zone_west_of_utc() -> None:
    after = datetime(2026, 1, 10, 0, 0, tzinfo=UTC)
    assert next_local_time(time(8, 0), "Asia/Kolkata", after=after) == datetime(
        2026, 1, 10, 2, 30, tzinfo=UTC
    )
    assert next_local_time(time(20, 0), "America/Los_Angeles", after=after) == datetime(
        2026, 1, 10, 4, 0, tzinfo=UTC
    )


D = date(2026, 5, 1)


def days(*offsets: int) -> tuple[date, ...]:
    return tuple(D + timedelta(days=o) for o in offsets)


def test_streak_counts_consecutive_days_and_today_is_not_over() -> None:
    assert streak(days(0, 1, 2), D + timedelta(days=2)) == 3
    assert streak(days(0, 1, 2), D + timedelta(days=3)) == 3  # today not answered yet
    assert streak(days(0, 1, 2), D + timedelta(days=4)) == 0  # yesterday missed, no freeze
    assert streak((), D) == 0


def test_a_week_earns_a_freeze_that_bridges_one_missed_day() -> None:
    week = tuple(range(7))
    assert streak_status(days(*week), D + timedelta(days=6)) == (7, 1)
    # Day 7 missed: the freeze bridges it; day 8 continues the streak.
    assert streak_status(days(*week, 8), D + timedelta(days=8)) == (8, 0)
    # Two missed days: one bridged, the second breaks the streak.
    assert streak(days(*week, 9), D + timedelta(days=9)) == 1
    # Without a full week, a missed day breaks the streak.
    assert streak(days(0, 1, 2, 4), D + timedelta(days=4)) == 1


def test_a_moment_reads_in_the_learners_zone() -> None:
    moment = datetime(2026, 11, 26, 17, 22, tzinfo=UTC)
    assert local_moment(moment, "Asia/Tokyo") == "Fri 27 Nov 02:22"
    assert local_moment(moment, "UTC") == "Thu 26 Nov 17:22"
