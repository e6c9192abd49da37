"""Learners: found by platform and external id, created on first contact."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time
from functools import cache
from typing import Any

from sqlalchemy import Row, bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from clio.core.calendar import parse_zone
from clio.core.records import Learner
from clio.store import sql
from clio.store.models import LearnerRow
from clio.store.upsert import Insert, insert

_FIND = select(sql.learners).where(
    sql.learners.c.platform == bindparam("platform"),
    sql.learners.c.external_id == bindparam("external_id"),
)
_GET = select(sql.learners).where(sql.learners.c.id == bindparam("learner_id"))
# By id, so that units of work locking several learners lock them in one order (no deadlock).
_FIND_MANY = (
    select(sql.learners)
    .where(
        sql.learners.c.platform == bindparam("platform"),
        sql.learners.c.external_id.in_(bindparam("external_ids", expanding=True)),
    )
    .order_by(sql.learners.c.id)
)
# Locked reads, on PostgreSQL `SELECT ... FOR NO KEY UPDATE` of the learner's row: a message,
# a prompt and a report of one learner in different processes run one after the other, each
# reading the learner after the previous commit. NO KEY: foreign-key checks of rows pointing
# at the learner (FOR KEY SHARE) are not blocked. (SQLite has no row locks: a unit of work
# there holds the whole database already.)
_FIND_LOCKED = _FIND.with_for_update(key_share=True)
_GET_LOCKED = _GET.with_for_update(key_share=True)
_FIND_MANY_LOCKED = _FIND_MANY.with_for_update(key_share=True)


@cache
def _create(dialect: str) -> Insert:
    # ON CONFLICT: two first messages from one person at once must not both insert.
    return insert(dialect, sql.learners).on_conflict_do_nothing(
        index_elements=["platform", "external_id"]
    )


def to_learner(row: LearnerRow | Row[Any]) -> Learner:
    return Learner(
        id=row.id,
        platform=row.platform,
        external_id=row.external_id,
        display_name=row.display_name,
        time_zone=row.time_zone,
        daily_prompt_time=row.daily_prompt_time,
        active=row.active,
        created_at=row.created_at,
        next_prompt_at=row.next_prompt_at,
    )


def _check_time_zone(name: str) -> None:
    """A learner's time zone decides their local day; an unknown name would break it later."""
    if parse_zone(name) != name:
        raise ValueError(f"unknown time zone {name!r}; expected an IANA name or UTC+HH:MM")


class SqlLearners:
    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self._session = session
        self._dialect = dialect

    async def get_or_create(
        self,
        *,
        platform: str,
        external_id: str,
        display_name: str,
        now: datetime,
        for_update: bool = False,
    ) -> Learner:
        """The learner, created (UTC, active, no daily prompt) if this is first contact;
        `for_update` as in `get`."""
        learner = await self.find(platform=platform, external_id=external_id, for_update=for_update)
        if learner is not None:
            return learner  # every message but the first: one statement
        values = {"platform": platform, "external_id": external_id}
        await sql.execute(
            self._session,
            _create(self._dialect),
            {**values, "display_name": display_name, "created_at": now},
        )
        learner = await self.find(platform=platform, external_id=external_id, for_update=for_update)
        assert learner is not None  # inserted or already there, in this transaction
        return learner

    async def find(
        self, *, platform: str, external_id: str, for_update: bool = False
    ) -> Learner | None:
        found = await sql.execute(
            self._session,
            _FIND_LOCKED if for_update else _FIND,
            {"platform": platform, "external_id": external_id},
        )
        row = found.first()
        return None if row is None else to_learner(row)

    async def find_many(
        self, *, platform: str, external_ids: Sequence[str], for_update: bool = False
    ) -> dict[str, Learner]:
        """The learners of these ids that exist, by external id, in one statement;
        `for_update` locks their rows as `get` does, in the order of their ids."""
        if not external_ids:
            return {}
        found = await sql.execute(
            self._session,
            _FIND_MANY_LOCKED if for_update else _FIND_MANY,
            {"platform": platform, "external_ids": list(external_ids)},
        )
        return {row.external_id: to_learner(row) for row in found}

    async def get(self, learner_id: int, *, for_update: bool = False) -> Learner | None:
        """The learner; `for_update` first waits for, then holds, their row until the unit
        of work ends, so what is read is what another process committed last."""
        found = await sql.execute(
            self._session, _GET_LOCKED if for_update else _GET, {"learner_id": learner_id}
        )
        row = found.first()
        return None if row is None else to_learner(row)

    async def active(self) -> tuple[Learner, ...]:
        """Every active learner, by id (for scheduled prompts)."""
        rows = await self._session.scalars(
            select(LearnerRow).where(LearnerRow.active).order_by(LearnerRow.id)
        )
        return tuple(to_learner(row) for row in rows)

    async def update(
        self,
        learner_id: int,
        *,
        display_name: str | None = None,
        time_zone: str | None = None,
        daily_prompt_time: time | None = None,
        clear_daily_prompt: bool = False,
        active: bool | None = None,
    ) -> None:
        """Change what is given; `clear_daily_prompt` turns the daily prompt off."""
        if time_zone is not None:
            _check_time_zone(time_zone)
        values: dict[str, object] = {
            key: value
            for key, value in (
                ("display_name", display_name),
                ("time_zone", time_zone),
                ("daily_prompt_time", daily_prompt_time),
                ("active", active),
            )
            if value is not None
        }
        if clear_daily_prompt:
            values["daily_prompt_time"] = None
        if values:
            await self._session.execute(
                update(LearnerRow).where(LearnerRow.id == learner_id).values(**values)
            )

    async def schedule_prompt(self, learner_id: int, at: datetime | None) -> None:
        """Set when the learner's next daily prompt is due (None: no prompt)."""
        await self._session.execute(
            update(LearnerRow).where(LearnerRow.id == learner_id).values(next_prompt_at=at)
        )

    async def due_for_prompt(self, now: datetime, *, limit: int) -> tuple[Learner, ...]:
        """Active learners whose prompt is due at `now`, longest waiting first."""
        rows = await self._session.scalars(
            select(LearnerRow)
            .where(LearnerRow.active, LearnerRow.next_prompt_at <= now)
            .order_by(LearnerRow.next_prompt_at, LearnerRow.id)
            .limit(limit)
        )
        return tuple(to_learner(row) for row in rows)

    async def delete(self, learner_id: int) -> bool:
        """Forget the learner: every row of theirs goes with them (the foreign keys cascade;
        update claims keep no link). True when there was such a learner."""
        gone = await self._session.scalar(
            delete(LearnerRow).where(LearnerRow.id == learner_id).returning(LearnerRow.id)
        )
        return gone is not None
