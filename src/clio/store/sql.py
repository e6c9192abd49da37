"""Core statements run on a session's connection: the hot path's way to the database.

Every learner's message runs a handful of statements, and through the ORM each one costs
about 0.35 ms more (bench/telegram_throughput.py: the ORM's execution and persistence layers,
plus building and hashing a new statement each time). The statements here are built once,
with bound parameters, so SQLAlchemy's compiled cache finds them at once, and run on the
session's connection: in the same transaction as everything else the unit of work does."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import CursorResult, Executable, Table
from sqlalchemy.ext.asyncio import AsyncSession

from clio.store.models import (
    ActiveDayRow,
    AttemptRow,
    CardRow,
    DialogStateRow,
    LearnerRow,
    LessonPositionRow,
    ProcessedUpdateRow,
    ReviewLogRow,
)


def table(model: type[Any]) -> Table:
    return model.__table__  # type: ignore[no-any-return]


learners = table(LearnerRow)
states = table(DialogStateRow)
updates = table(ProcessedUpdateRow)
attempts = table(AttemptRow)
reviews = table(ReviewLogRow)
cards = table(CardRow)
lessons = table(LessonPositionRow)
days = table(ActiveDayRow)


async def execute(
    session: AsyncSession,
    statement: Executable,
    params: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None,
) -> CursorResult[Any]:
    """`statement` in the session's transaction, without the ORM; a list of parameter sets
    runs it once per set, as one executemany."""
    connection = await session.connection()
    return await connection.execute(statement, params)
