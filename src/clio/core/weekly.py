"""Weekly teacher reports: the day and time as teachers type them, and when the next is due."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from clio.core.calendar import parse_clock, require_utc, zone

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
OFF_WORDS = frozenset({"off", "stop", "none", "no"})
INVITE_CODE = re.compile(r"^[A-Za-z0-9_-]{8,64}$")  # a Telegram start payload, long enough


@dataclass(frozen=True, slots=True)
class WeeklyTime:
    weekday: int  # 0 = Monday
    at: time


def parse_weekly(text: str) -> WeeklyTime | None:
    """ "mon 17:00", "Friday 8am", "sun 18.30": a weekday (three letters or more) and a time."""
    parts = text.split(maxsplit=1)
    if len(parts) != 2:
        return None
    day, clock = parts[0].casefold(), parse_clock(parts[1])
    matches = [i for i, name in enumerate(WEEKDAY_NAMES) if name.casefold().startswith(day)]
    if len(day) < 3 or len(matches) != 1 or clock is None:
        return None
    return WeeklyTime(matches[0], clock)


def next_weekly_time(weekly: WeeklyTime, zone_name: str, *, after: datetime) -> datetime:
    """The first moment strictly after `after` when the teacher's clock shows `weekly`, in
    UTC (a skipped or repeated local time is handled as for daily prompts: `fold=0`)."""
    tz = zone(zone_name)
    after = require_utc(after)
    day = after.astimezone(tz).date()
    for offset in range(9):
        candidate_day = day + timedelta(days=offset)
        if candidate_day.weekday() != weekly.weekday:
            continue
        local = datetime.combine(candidate_day, weekly.at).replace(tzinfo=tz, fold=0)
        candidate = local.astimezone(UTC)
        if candidate > after:
            return candidate
    raise AssertionError("unreachable: a weekday recurs within eight days")


def week_key(now: datetime, zone_name: str) -> str:
    """The teacher's local ISO week, e.g. "2026-W09": one weekly report per key."""
    year, week, _ = require_utc(now).astimezone(zone(zone_name)).isocalendar()
    return f"{year}-W{week:02d}"


def describe(weekly: WeeklyTime) -> tuple[str, str]:
    """(weekday name, HH:MM) for texts."""
    return WEEKDAY_NAMES[weekly.weekday], weekly.at.strftime("%H:%M")
