"""Dialog state: one JSON document per learner, saved by compare-and-swap on `version`."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from clio.core.errors import ConcurrentUpdate
from clio.core.records import JsonObject, StoredState
from clio.store.models import DialogStateRow, LearnerRow
from clio.store.upsert import insert


class SqlStates:
    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self._session = session
        self._dialect = dialect

    async def load(self, learner_id: int, *, for_update: bool = False) -> StoredState | None:
        """The saved state, or None before the first save (then save with version 0).

        `for_update` holds the learner until the unit of work ends: on PostgreSQL it locks
        the learner's row (`SELECT ... FOR UPDATE`; the learner row, because a new learner
        has no state row yet to lock), so another process handling the same learner waits
        here. On SQLite the unit of work already holds the database's write lock."""
        if for_update:
            await self._session.execute(
                select(LearnerRow.id)
                .where(LearnerRow.id == learner_id)
                # FOR NO KEY UPDATE: excludes other such loads, yet leaves foreign-key
                # checks of rows pointing at this learner (FOR KEY SHARE) unblocked.
                .with_for_update(key_share=True)
            )
        row = await self._session.scalar(
            select(DialogStateRow)
            .where(DialogStateRow.learner_id == learner_id)
            .execution_options(populate_existing=True)
        )
        if row is None:
            return None
        return StoredState(
            learner_id=row.learner_id,
            state=row.state,
            schema_version=row.schema_version,
            version=row.version,
            updated_at=row.updated_at,
        )

    async def save(
        self, learner_id: int, state: JsonObject, *, expected_version: int, now: datetime
    ) -> int:
        """Store `state` if the saved version is still `expected_version` (0: none saved yet);
        return the new version. Raises ConcurrentUpdate when someone else saved first."""
        schema_version = state.get("schema_version")
        if not isinstance(schema_version, int) or isinstance(schema_version, bool):
            raise ValueError(f"dialog state needs an int schema_version, not {schema_version!r}")
        values = {"state": dict(state), "schema_version": schema_version, "updated_at": now}
        new_version = expected_version + 1
        saved: int | None
        if expected_version == 0:
            saved = await self._session.scalar(
                insert(self._dialect, DialogStateRow)
                .values(learner_id=learner_id, version=new_version, **values)
                .on_conflict_do_nothing(index_elements=["learner_id"])
                .returning(DialogStateRow.version)
            )
        else:
            saved = await self._session.scalar(
                update(DialogStateRow)
                .where(
                    DialogStateRow.learner_id == learner_id,
                    DialogStateRow.version == expected_version,
                )
                .values(version=new_version, **values)
                .returning(DialogStateRow.version)
            )
        if saved is None:
            raise ConcurrentUpdate(
                f"learner {learner_id}: state is no longer at version {expected_version}"
            )
        return int(saved)
