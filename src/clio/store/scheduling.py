"""Where a learner stands: spaced-repetition cards and the position in each topic's lessons."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache

from sqlalchemy import Executable, select
from sqlalchemy.ext.asyncio import AsyncSession

from clio.core.records import Card, LessonMove, LessonPosition
from clio.store import sql
from clio.store.models import CardRow, LessonPositionRow
from clio.store.upsert import insert


@cache
def _upsert_card(dialect: str) -> Executable:
    statement = insert(dialect, sql.cards)
    return statement.on_conflict_do_update(
        index_elements=["learner_id", "item_id"],
        set_={"state": statement.excluded.state, "due": statement.excluded.due},
    )


@cache
def _advance(dialect: str) -> Executable:
    statement = insert(dialect, sql.lessons)
    return statement.on_conflict_do_update(
        index_elements=["learner_id", "topic_id"],
        set_={
            "position": statement.excluded.position,
            "completed_lessons": sql.lessons.c.completed_lessons
            + statement.excluded.completed_lessons,
            "updated_at": statement.excluded.updated_at,
        },
    )


def _to_card(row: CardRow) -> Card:
    return Card(learner_id=row.learner_id, item_id=row.item_id, state=row.state, due=row.due)


class SqlCards:
    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self._session = session
        self._dialect = dialect

    async def get(self, learner_id: int, item_id: str) -> Card | None:
        row = await self._session.scalar(
            select(CardRow)
            .where(CardRow.learner_id == learner_id, CardRow.item_id == item_id)
            .execution_options(populate_existing=True)
        )
        return None if row is None else _to_card(row)

    async def upsert(self, card: Card) -> None:
        """Store the card, replacing the learner's card for the same item if there is one."""
        await self.upsert_many([card])

    async def upsert_many(self, cards: Sequence[Card]) -> None:
        """`upsert` each card, in order, as one executemany."""
        if not cards:
            return
        values = [
            {
                "learner_id": card.learner_id,
                "item_id": card.item_id,
                "state": dict(card.state),
                "due": card.due,
            }
            for card in cards
        ]
        await sql.execute(self._session, _upsert_card(self._dialect), values)

    async def due(self, learner_id: int, now: datetime, limit: int) -> tuple[Card, ...]:
        """Up to `limit` cards due at `now` or before, most overdue first (ties by item id)."""
        rows = await self._session.scalars(
            select(CardRow)
            .where(CardRow.learner_id == learner_id, CardRow.due <= now)
            .order_by(CardRow.due, CardRow.item_id)
            .limit(limit)
            .execution_options(populate_existing=True)
        )
        return tuple(_to_card(row) for row in rows)


def _to_position(row: LessonPositionRow) -> LessonPosition:
    return LessonPosition(
        learner_id=row.learner_id,
        topic_id=row.topic_id,
        position=row.position,
        completed_lessons=row.completed_lessons,
        updated_at=row.updated_at,
    )


class SqlLessons:
    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self._session = session
        self._dialect = dialect

    async def advance(
        self, learner_id: int, topic_id: str, *, position: int, completed: bool, now: datetime
    ) -> None:
        """Move the learner to `position` in the topic, counting one more completed lesson
        if `completed`: one statement, whether or not the topic was started before."""
        await self.advance_many([LessonMove(learner_id, topic_id, position, completed)], now=now)

    async def advance_many(self, moves: Sequence[LessonMove], *, now: datetime) -> None:
        """`advance` for each move, in order, as one executemany."""
        if not moves:
            return
        values = [
            {
                "learner_id": move.learner_id,
                "topic_id": move.topic_id,
                "position": move.position,
                "completed_lessons": int(move.completed),
                "updated_at": now,
            }
            for move in moves
        ]
        await sql.execute(self._session, _advance(self._dialect), values)

    async def for_learner(self, learner_id: int) -> tuple[LessonPosition, ...]:
        """The learner's positions in every topic started, by topic id."""
        rows = await self._session.scalars(
            select(LessonPositionRow)
            .where(LessonPositionRow.learner_id == learner_id)
            .order_by(LessonPositionRow.topic_id)
            .execution_options(populate_existing=True)
        )
        return tuple(_to_position(row) for row in rows)
