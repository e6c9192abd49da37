"""Each update counts once: a platform's update ids, claimed in the transaction of their effects."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache

from sqlalchemy import Executable, delete
from sqlalchemy.ext.asyncio import AsyncSession

from clio.store import sql
from clio.store.models import ProcessedUpdateRow
from clio.store.upsert import insert


@cache
def _claim(dialect: str) -> Executable:
    return (
        insert(dialect, sql.updates)
        .on_conflict_do_nothing(index_elements=["platform", "update_id"])
        .returning(sql.updates.c.update_id)
    )


class SqlUpdates:
    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self._session = session
        self._dialect = dialect

    async def claim(
        self, platform: str, update_id: int | str, *, now: datetime, learner_id: int | None = None
    ) -> bool:
        """True the first time an update is claimed; False when it was processed already.

        Claimed inside the unit of work, the claim commits or rolls back with the update's
        effects: a crash before commit leaves the update unclaimed, so a redelivery counts.
        A second process claiming the same update concurrently waits for the first to
        finish, then gets False (or True if the first rolled back)."""
        claimed = await sql.execute(
            self._session,
            _claim(self._dialect),
            {
                "platform": platform,
                "update_id": str(update_id),
                "learner_id": learner_id,
                "processed_at": now,
            },
        )
        return claimed.first() is not None

    async def claim_many(
        self, platform: str, update_ids: Sequence[int | str], *, now: datetime
    ) -> set[str]:
        """`claim` for several updates in one statement: the ids (as text) claimed now."""
        if not update_ids:
            return set()
        values = [
            {
                "platform": platform,
                "update_id": str(update_id),
                "learner_id": None,
                "processed_at": now,
            }
            for update_id in update_ids
        ]
        claimed = await sql.execute(self._session, _claim(self._dialect), values)
        return set(claimed.scalars())

    async def prune(self, *, before: datetime) -> int:
        """Forget updates processed before `before` (platforms redeliver only recent ones,
        Telegram for about a day); return how many were forgotten."""
        forgotten = await self._session.scalars(
            delete(ProcessedUpdateRow)
            .where(ProcessedUpdateRow.processed_at < before)
            .returning(ProcessedUpdateRow.update_id)
        )
        return len(forgotten.all())
