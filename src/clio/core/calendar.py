"""Dates and times in a learner's own zone; `now` always comes in as an aware UTC datetime."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

_OFFSET = re.compile(r"^(?:utc|gmt)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)
_CLOCK = re.compile(r"^(\d{1,2})(?::|\.|h)?(\d{2})?\s*(am|pm)?$", re.IGNORECASE)


def require_utc(now: datetime) -> datetime:
    """Refuse naive datetimes: a missing zone is a bug that shifts every schedule."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("`now` must be timezone-aware")
    return now.astimezone(UTC)


@lru_cache(maxsize=1)
def _cities() -> dict[str, str]:
    """'paris' -> 'Europe/Paris', 'new york' -> 'America/New_York' (the last part of a name)."""
    cities: dict[str, str] = {}
    for name in sorted(available_timezones()):
        if "/" in name and not name.startswith(("Etc/", "SystemV/", "US/")):
            cities.setdefault(name.rsplit("/", 1)[1].replace("_", " ").casefold(), name)
    return cities


def parse_zone(text: str) -> str | None:
    """A canonical zone name for what a learner typed: an IANA name ("Europe/Paris"), a
    well-known city ("paris", "New York"), UTC, or an offset ("UTC+5:30", "+02", "GMT-3");
    None when it is none of these."""
    typed = " ".join(text.split())
    if not typed:
        return None
    if typed.casefold() in {"utc", "gmt", "z"}:
        return "UTC"
    offset = _OFFSET.match(typed)
    if offset:
        sign, hours, minutes = offset.group(1), int(offset.group(2)), int(offset.group(3) or 0)
        if hours > 14 or minutes >= 60:
            return None
        return "UTC" if hours == minutes == 0 else f"UTC{sign}{hours:02d}:{minutes:02d}"
    by_case = {name.casefold(): name for name in available_timezones()}
    exact = by_case.get(typed.replace(" ", "_").casefold())
    return exact or _cities().get(typed.casefold())


@lru_cache(maxsize=512)
def zone(name: str) -> tzinfo:
    """The tzinfo of a canonical zone name (see `parse_zone`); UTC for anything unknown."""
    offset = _OFFSET.match(name) if name.startswith("UTC") and len(name) > 3 else None
    if offset:
        minutes = int(offset.group(2)) * 60 + int(offset.group(3) or 0)
        sign = -1 if offset.group(1) == "-" else 1
        return timezone(sign * timedelta(minutes=minutes), name)
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC


def local_moment(when: datetime, zone_name: str) -> str:
    """A moment as a learner reads it in their zone: "Fri 27 Nov 07:00"."""
    return when.astimezone(zone(zone_name)).strftime("%a %d %b %H:%M")


def local_date(now: datetime, zone_name: str) -> date:
    return require_utc(now).astimezone(zone(zone_name)).date()


def parse_clock(text: str) -> time | None:
    """A daily time as learners type it: "18:30", "6:30pm", "7", "07.15", "9am"."""
    found = _CLOCK.match(text.strip())
    if not found:
        return None
    hour, minute, half = int(found.group(1)), int(found.group(2) or 0), found.group(3)
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.casefold() == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def next_local_time(daily: time, zone_name: str, *, after: datetime) -> datetime:
    """The first moment strictly after `after` when the learner's clock shows `daily`, in UTC.
    A time that occurs twice (clocks going back) counts at its first occurrence; a time that a
    spring-forward jump skips happens as much later as the jump (02:30 becomes 03:30), as cron
    does (both are what `fold=0` means in PEP 495)."""
    tz = zone(zone_name)
    after = require_utc(after)
    day = after.astimezone(tz).date()
    for offset in range(3):
        local = datetime.combine(day + timedelta(days=offset), daily).replace(tzinfo=tz, fold=0)
        candidate = local.astimezone(UTC)
        if candidate > after:
            return candidate
    raise AssertionError("unreachable: a daily time recurs within three days")


FREEZE_EVERY_DAYS = 7  # a week of activity earns a freeze
MAX_FREEZES = 1  # bridges one missed day; more are not banked


def streak(days: tuple[date, ...], today: date) -> int:
    """Consecutive active local days ending today (or yesterday, today not over yet); each
    week of activity earns a freeze that bridges one missed day."""
    return streak_status(days, today)[0]


def streak_status(days: tuple[date, ...], today: date) -> tuple[int, int]:
    """(streak, freezes in hand) at `today`, walking the active days in order."""
    active = sorted(set(d for d in days if d <= today))
    if not active:
        return 0, 0
    count = freezes = run = 0
    current = active[0]
    active_set = set(active)
    while current <= today:
        if current in active_set:
            count += 1
            run += 1
            if run % FREEZE_EVERY_DAYS == 0:
                freezes = min(freezes + 1, MAX_FREEZES)
        elif current == today:
            pass  # today is not over: no answer yet breaks nothing
        elif freezes:
            freezes -= 1  # bridged: the streak goes on without counting the day
        else:
            count = run = 0
        current += timedelta(days=1)
    return count, freezes
