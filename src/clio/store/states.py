"""Dialog state: one JSON document per learner, saved by compare-and-swap on `version`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Executable, Integer, Row, bindparam, column, select, update
from sqlalchemy import values as values_of
from sqlalchemy.ext.asyncio import AsyncSession

from clio.core.errors import ConcurrentUpdate
from clio.core.records import JsonObject, StateChange, StoredState
from clio.store import sql
from clio.store.upsert import insert

_STATE_COLUMNS = (
    sql.states.c.learner_id,
    sql.states.c.state,
    sql.states.c.schema_version,
    sql.states.c.version,
    sql.states.c.updated_at,
)
_LOAD = select(*_STATE_COLUMNS).where(sql.states.c.learner_id == bindparam("learner_id"))
_LOAD_MANY = select(*_STATE_COLUMNS).where(
    sql.states.c.learner_id.in_(bindparam("learner_ids", expanding=True))
)
_UPDATE_MANY = (  # no RETURNING: several run as one executemany, which counts on SQLite
    update(sql.states)
    .where(
        sql.states.c.learner_id == bindparam("learner"),
        sql.states.c.version == bindparam("expected_version"),
    )
    .values(
        state=bindparam("state"),
        schema_version=bindparam("schema_version"),
        version=bindparam("version"),
        updated_at=bindparam("updated_at"),
    )
)
_UPDATE = _UPDATE_MANY.returning(sql.states.c.version)


@cache
def _insert(dialect: str) -> Executable:
    return (
        insert(dialect, sql.states)
        .on_conflict_do_nothing(index_elements=["learner_id"])
        .returning(sql.states.c.version)
    )


def _stored(row: Row[Any]) -> StoredState:
    return StoredState(
        learner_id=row.learner_id,
        state=row.state,
        schema_version=row.schema_version,
        version=row.version,
        updated_at=row.updated_at,
    )


class SqlStates:
    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self._session = session
        self._dialect = dialect

    async def load(self, learner_id: int) -> StoredState | None:
        """The saved state, or None before the first save (then save with version 0).

        Callers that will save lock the learner's row first (`SqlLearners.get` with
        `for_update`): on PostgreSQL this load, a statement of its own after the lock, then
        reads what the previous holder committed. On SQLite the unit of work already holds
        the database's write lock."""
        row = (await sql.execute(self._session, _LOAD, {"learner_id": learner_id})).first()
        return None if row is None else _stored(row)

    async def load_many(self, learner_ids: Sequence[int]) -> dict[int, StoredState]:
        """`load` for several learners in one statement: the saved states, by learner id."""
        if not learner_ids:
            return {}
        rows = await sql.execute(self._session, _LOAD_MANY, {"learner_ids": list(learner_ids)})
        return {row.learner_id: _stored(row) for row in rows}

    async def save(
        self, learner_id: int, state: JsonObject, *, expected_version: int, now: datetime
    ) -> int:
        """Store `state` if the saved version is still `expected_version` (0: none saved yet);
        return the new version. Raises ConcurrentUpdate when someone else saved first."""
        values = _values(StateChange(learner_id, state, expected_version), now)
        if expected_version == 0:
            statement, key = _insert(self._dialect), {"learner_id": learner_id}
        else:
            statement, key = _UPDATE, {"learner": learner_id, "expected_version": expected_version}
        saved = await sql.execute(self._session, statement, {**values, **key})
        version = saved.scalar()
        if version is None:
            raise ConcurrentUpdate(
                f"learner {learner_id}: state is no longer at version {expected_version}"
            )
        return int(version)

    async def save_many(self, changes: Sequence[StateChange], *, now: datetime) -> None:
        """`save` of several learners' states (one change each) in a statement or two.
        Raises ConcurrentUpdate, having saved some or none, when any had moved: the caller's
        unit of work must then roll back."""
        first = [change for change in changes if change.expected_version == 0]
        later = [change for change in changes if change.expected_version != 0]
        saved = 0
        if first:
            values = [_values(change, now) | {"learner_id": change.learner_id} for change in first]
            inserted = await sql.execute(self._session, _insert(self._dialect), values)
            saved += len(inserted.all())
        if later:
            saved += await self._update_many(later, now)
        if saved != len(changes):
            raise ConcurrentUpdate(f"{len(changes) - saved} of {len(changes)} states had moved")

    async def _update_many(self, changes: Sequence[StateChange], now: datetime) -> int:
        """How many of `changes` were still at their expected version, and so saved."""
        if self._dialect == "sqlite":  # its executemany counts the rows it changed
            values = [
                _values(change, now)
                | {"learner": change.learner_id, "expected_version": change.expected_version}
                for change in changes
            ]
            return (await sql.execute(self._session, _UPDATE_MANY, values)).rowcount
        # asyncpg's executemany counts nothing: one UPDATE joined to the new values instead.
        rows = values_of(
            column("learner_id", Integer),
            column("expected", Integer),
            column("state", sql.states.c.state.type),
            column("schema_version", Integer),
            name="saved",
        ).data(
            [
                (
                    change.learner_id,
                    change.expected_version,
                    entry["state"],
                    entry["schema_version"],
                )
                for change in changes
                for entry in [_values(change, now)]
            ]
        )
        statement = (
            update(sql.states)
            .where(sql.states.c.learner_id == rows.c.learner_id)
            .where(sql.states.c.version == rows.c.expected)
            .values(
                state=rows.c.state,
                schema_version=rows.c.schema_version,
                version=rows.c.expected + 1,
                updated_at=now,
            )
            .returning(sql.states.c.learner_id)
        )
        return len((await sql.execute(self._session, statement)).all())


def _values(change: StateChange, now: datetime) -> dict[str, Any]:
    """The columns a save writes (the key and expected version aside)."""
    schema_version = change.state.get("schema_version")
    if not isinstance(schema_version, int) or isinstance(schema_version, bool):
        raise ValueError(f"dialog state needs an int schema_version, not {schema_version!r}")
    return {
        "state": dict(change.state),
        "schema_version": schema_version,
        "version": change.expected_version + 1,
        "updated_at": now,
    }
