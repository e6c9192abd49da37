"""Column types: datetimes that are always timezone-aware UTC, whatever the backend returns."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """`DateTime(timezone=True)` that refuses naive input and gives back aware UTC.

    PostgreSQL stores `timestamptz` and returns aware values; SQLite has no time zones and
    returns naive ones, which are UTC because this type wrote them so."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} given; Clio stores aware UTC")
        utc = value.astimezone(UTC)
        # SQLite would keep the "+00:00" suffix in its text; dropping it keeps text ordering
        # (due dates, ORDER BY) identical to time ordering.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)
