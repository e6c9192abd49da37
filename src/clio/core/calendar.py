"""Dates in a learner's own time zone; `now` always comes in as an aware UTC datetime."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def require_utc(now: datetime) -> datetime:
    """Refuse naive datetimes: a missing zone is a bug that shifts every schedule."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("`now` must be timezone-aware")
    return now.astimezone(UTC)


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local_date(now: datetime, zone_name: str) -> date:
    return require_utc(now).astimezone(zone(zone_name)).date()


def streak(days: tuple[date, ...], today: date) -> int:
    """Consecutive active days ending today, or yesterday when today has no answer yet."""
    active = set(days)
    current = today if today in active else today - timedelta(days=1)
    count = 0
    while current in active:
        count += 1
        current -= timedelta(days=1)
    return count
